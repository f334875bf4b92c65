import { describe, expect, it } from 'vitest';
import {
	binSeries,
	peak,
	StepBuilder,
	valueAt,
	type StepSeries
} from '../../../src/views/service/step-series';

const series = (changes: [number, number][]): StepSeries => {
	const b = new StepBuilder();
	for (const [t, v] of changes) b.set(t, v);
	return b.series;
};

describe('step series', () => {
	it('StepBuilder keeps one change per time (the last) and drops changes to the same value', () => {
		const b = new StepBuilder();
		b.add(0, 1);
		b.add(0, 1);
		b.set(5, 0);
		b.set(5, 2);
		b.set(6, 2);
		b.add(7, -2);
		expect(b.series).toEqual({ times: [0, 7], values: [2, 0] });
	});

	it('valueAt(s, t) is the value after every change at or before t, 0 before the first', () => {
		const s = series([
			[10, 3],
			[20, 1]
		]);
		expect([0, 10, 15, 20, 99].map((t) => valueAt(s, t))).toEqual([0, 3, 3, 1, 1]);
		expect(peak(s)).toBe(3);
	});

	it('binSeries(s, from, to, n) gives each bin’s highest value and its mean over time', () => {
		const s = series([
			[10, 4],
			[15, 2],
			[30, 0]
		]);
		// Bins 0–20 and 20–40: 4 for 5 ms and 2 for 5 ms in the first; 2 for 10 ms in the second.
		expect(binSeries(s, 0, 40, 2)).toEqual({ max: [4, 2], mean: [1.5, 1] });
		// A window inside one stretch carries the value in.
		expect(binSeries(s, 16, 20, 1)).toEqual({ max: [2], mean: [2] });
	});
});
