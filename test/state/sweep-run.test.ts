import { describe, expect, it } from 'vitest';
import { SweepRun } from '../../src/state/sweep-run.svelte';
import { inPageSweep } from '../../src/state/sweep-source';
import { COUNT, DOC } from './sweep-fixture';

/** A pause the test releases by hand: each release lets the sweep compute one more point. */
function manualPause() {
	const waiting: (() => void)[] = [];
	return {
		pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
		async release() {
			waiting.shift()?.();
			await new Promise((r) => setImmediate(r));
		}
	};
}

describe('SweepRun', () => {
	it('start computes one point per pause and ends running after the last', async () => {
		const clock = manualPause();
		const run = new SweepRun(inPageSweep(clock.pause));
		run.start(DOC, { param: COUNT, values: [1, 2, 3] });
		expect(run).toMatchObject({ running: true, total: 3, points: [] });
		await clock.release();
		expect(run.points.map((p) => p.value)).toEqual([1]);
		await clock.release();
		await clock.release();
		expect(run.points.map((p) => p.value)).toEqual([1, 2, 3]);
		await clock.release();
		expect(run.running).toBe(false);
	});

	it('a new start drops the sweep in flight: none of its points appear later', async () => {
		const clock = manualPause();
		const run = new SweepRun(inPageSweep(clock.pause));
		run.start(DOC, { param: COUNT, values: [1, 2, 3] });
		await clock.release();
		run.start(DOC, { param: COUNT, values: [7, 8] });
		for (let i = 0; i < 6; i++) await clock.release();
		expect(run.points.map((p) => p.value)).toEqual([7, 8]);
		expect(run.running).toBe(false);
	});

	it('stop keeps the points so far and computes no more', async () => {
		const clock = manualPause();
		const run = new SweepRun(inPageSweep(clock.pause));
		run.start(DOC, { param: COUNT, values: [1, 2, 3] });
		await clock.release();
		run.stop();
		for (let i = 0; i < 3; i++) await clock.release();
		expect(run.points.map((p) => p.value)).toEqual([1]);
		expect(run.running).toBe(false);
	});
});
