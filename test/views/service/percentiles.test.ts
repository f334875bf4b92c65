import { describe, expect, it } from 'vitest';
import {
	binPercentiles,
	histogram,
	nearestRank,
	percentilesOf
} from '../../../src/views/service/percentiles';

describe('percentiles by nearest rank', () => {
	it.each([
		[[], 50, null],
		[[7], 99, 7],
		[[1, 2, 3, 4], 50, 2],
		[[1, 2, 3, 4], 51, 3],
		[[1, 2, 3, 4], 100, 4],
		[Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
		[Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
		[Array.from({ length: 10 }, (_, i) => i + 1), 99, 10]
	])('nearestRank(%j, %i) is %s', (values, p, expected) => {
		expect(nearestRank(values, p)).toBe(expected);
	});

	it('percentilesOf sorts a copy and gives p50, p95 and p99', () => {
		const values = [90, 10, 40, 60, 20];
		expect(percentilesOf(values)).toEqual({ p50: 40, p95: 90, p99: 90 });
		expect(values).toEqual([90, 10, 40, 60, 20]);
		expect(percentilesOf([])).toBeNull();
	});

	it('binPercentiles groups answers by when they were answered; the last bin includes its end', () => {
		const endMs = [5, 15, 16, 40];
		const latencyMs = [5, 100, 50, 30];
		expect(binPercentiles(endMs, latencyMs, 0, 40, 4)).toEqual([
			{ p50: 5, p95: 5, p99: 5 },
			{ p50: 50, p95: 100, p99: 100 },
			null,
			{ p50: 30, p95: 30, p99: 30 }
		]);
	});

	it('histogram(values, top, n) counts each value in its bin, the top one in the last', () => {
		expect(histogram([0, 9.9, 10, 25, 40], 40, 4)).toEqual({ width: 10, counts: [2, 1, 1, 1] });
	});
});
