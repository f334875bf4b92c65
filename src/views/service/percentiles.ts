// Latency percentiles by the nearest-rank rule: the p-th percentile of n values is the
// ceil(p/100 · n)-th smallest, always one of the values measured (p99 of 10 is the slowest).
import { countUpTo } from '../../state/sorted-count';

/** The percentiles the service views draw. */
export const PERCENTILES = [50, 95, 99] as const;
export type Percentile = (typeof PERCENTILES)[number];
export type PercentileValues = Record<`p${Percentile}`, number>;

/** The nearest-rank percentile of values sorted ascending (null for none). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(sorted.length, rank) - 1];
}

/** p50, p95 and p99 of some values (in any order), or null when there are none. */
export function percentilesOf(values: ArrayLike<number>): PercentileValues | null {
	if (values.length === 0) return null;
	const sorted = Float64Array.from(values).sort();
	return {
		p50: nearestRank(sorted, 50) ?? 0,
		p95: nearestRank(sorted, 95) ?? 0,
		p99: nearestRank(sorted, 99) ?? 0
	};
}

/**
 * Per bin of answer time from `from` to `to`, the percentiles of the requests answered in it
 * (null where none was). `endMs` is sorted ascending, `latencyMs` goes with it.
 */
export function binPercentiles(
	endMs: readonly number[],
	latencyMs: readonly number[],
	from: number,
	to: number,
	bins: number
): (PercentileValues | null)[] {
	const width = (to - from) / bins;
	const out: (PercentileValues | null)[] = new Array(bins).fill(null);
	if (!(width > 0)) return out;
	let i = lowerBound(endMs, from);
	for (let b = 0; b < bins; b++) {
		const hi = b === bins - 1 ? to : from + (b + 1) * width;
		const start = i;
		while (i < endMs.length && (endMs[i] < hi || (b === bins - 1 && endMs[i] <= hi))) i++;
		out[b] = percentilesOf(latencyMs.slice(start, i));
	}
	return out;
}

/** The first index whose value is at least `t` in an ascending array. */
export function lowerBound(sorted: readonly number[], t: number): number {
	return countUpTo(sorted.length, (i) => sorted[i], t, true);
}

/** A latency histogram: `counts[k]` values in [k·width, (k+1)·width), the slowest in the last. */
export interface Histogram {
	width: number;
	counts: number[];
}

/** The histogram of `values` over `bins` equal bins from 0 to `top`. */
export function histogram(values: ArrayLike<number>, top: number, bins: number): Histogram {
	const width = Math.max(top, 1e-9) / bins;
	const counts = new Array<number>(bins).fill(0);
	for (let i = 0; i < values.length; i++)
		counts[Math.min(bins - 1, Math.max(0, Math.floor(values[i] / width)))]++;
	return { width, counts };
}
