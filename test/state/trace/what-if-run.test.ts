import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../../simulations/index';
import { slowest, stallGroups, whatIfRows } from '../../../src/state/trace/what-if-run';
import type { Stall } from '../../../src/traces/index';

const stall = (atMs: number, where: string | null): Stall => ({
	atMs,
	ms: 200,
	task: 'Task-2',
	coro: 'run_asgi',
	where,
	waited: []
});
const result = (requests: [string, number, number | null][]) =>
	({
		requests: requests.map(([id, arriveMs, endMs]) => ({ id, arriveMs, endMs }))
	}) as unknown as SimResult;

describe('the trace page’s what-if', () => {
	it('offers each source line’s stalls as one stretch, then every stall when there are several lines', () => {
		const stalls = [
			stall(10, '/srv/app/views.py:16'),
			stall(300, '/srv/app/views.py:16'),
			stall(700, null)
		];
		const groups = stallGroups(stalls);
		expect(groups.map((g) => [g.label, g.what, g.stalls.length])).toEqual([
			['app/views.py:16: 2 stalls', 'the 2 stalls at app/views.py:16', 2],
			['run_asgi: 1 stall', 'the stall at run_asgi', 1],
			['Every stall in the table (3)', 'all 3 stalls in the table', 3]
		]);
		expect(stallGroups([stall(10, 'a.py:1')]).map((g) => g.label)).toEqual(['a.py:1: 1 stall']);
		expect(stallGroups([])).toEqual([]);
	});

	it('sets each request’s latency before and after side by side, an unfinished one as null', () => {
		const rows = whatIfRows(
			result([
				['r1', 0, 600],
				['r2', 10, null]
			]),
			result([
				['r1', 0, 200],
				['r2', 10, 210]
			])
		);
		expect(rows).toEqual([
			{ id: 'r1', beforeMs: 600, afterMs: 200 },
			{ id: 'r2', beforeMs: null, afterMs: 200 }
		]);
		expect(slowest(rows)).toEqual({ beforeMs: 600, afterMs: 200 });
	});
});
