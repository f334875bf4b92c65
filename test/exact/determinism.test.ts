import { beforeAll, describe, expect, it } from 'vitest';
import { exact, startCPython } from './cpython';

beforeAll(startCPython);

describe('runExact on a warm CPython', () => {
	for (const path of [
		'lessons/02-blocking-vs-offloaded/time-sleep',
		'lessons/06-gather-deadlock/single-slot-gather',
		'test/scenarios/f33-single-slot-as-completed',
		'test/scenarios/f20-double-run-burst',
		'lessons/08-catching-a-blocked-loop/long-blocks'
	]) {
		it(`${path}: the same scenario gives the same bytes, run after run`, async () => {
			const first = JSON.stringify(await exact(path, true));
			await exact('lessons/06-gather-deadlock/fixed', true);
			expect(JSON.stringify(await exact(path, true))).toBe(first);
		});
	}

	it('numbers the trace from 0 and ends it with the outcome', async () => {
		const { result } = await exact('lessons/06-gather-deadlock/thread-lock-gather', true);
		const trace = result.trace ?? [];
		expect(trace.map((e) => e.seq)).toEqual(trace.map((_, i) => i));
		expect(trace.slice(-2).map((e) => e.type)).toEqual(['hung', 'end']);
	});
});
