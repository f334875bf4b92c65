import { histogram, percentilesOf, type Histogram, type PercentileValues } from './percentiles';
import type { ServiceSeries } from './service-series';
import { answeredBy } from './service-summary';

/** The latency distribution at a moment: what is answered by then over the whole run's. */
export interface DistributionAt {
	/** The x axis's end (ms): the slowest answer of the whole run, so stepping never rescales. */
	top: number;
	sofar: Histogram;
	all: Histogram;
	percentiles: PercentileValues | null;
	answered: number;
}

/** The distribution of latencies answered by `t`, in `bins` bins, beside the whole run's. */
export function distributionAt(s: ServiceSeries, t: number, bins: number): DistributionAt {
	let top = 1;
	for (const v of s.answered.latencyMs) if (v > top) top = v;
	const done = answeredBy(s, t);
	return {
		top,
		sofar: histogram(done, top, bins),
		all: histogram(s.answered.latencyMs, top, bins),
		percentiles: percentilesOf(done),
		answered: done.length
	};
}
