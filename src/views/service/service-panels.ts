import { binShares, type Shares } from './loop-share';
import { binPercentiles, type PercentileValues } from './percentiles';
import type { ServiceSeries } from './service-series';
import { binSeries, type Binned } from './step-series';
import type { TimeWindow } from './time-window';

/** What each time panel draws over a window, in `bins` columns; `top` is its y axis's top. */
export interface ServicePanels {
	bins: number;
	queues: { door: Binned; ready: Binned; top: number };
	inFlight: { binned: Binned; top: number };
	latency: { bins: (PercentileValues | null)[]; top: number };
	loop: Shares[];
	lag: { samples: { atMs: number; lagMs: number }[]; top: number };
	pool: { binned: Binned; size: number };
}

const topOf = (...lists: number[][]) => {
	let top = 1;
	for (const list of lists) for (const v of list) if (v > top) top = v;
	return top;
};

/** Every time panel over `w`, binned to `bins` columns (about one per two pixels). */
export function servicePanels(s: ServiceSeries, w: TimeWindow, bins: number): ServicePanels {
	const n = Math.max(1, Math.floor(bins));
	const door = binSeries(s.door, w.from, w.to, n);
	const ready = binSeries(s.ready, w.from, w.to, n);
	const inFlight = binSeries(s.inFlight, w.from, w.to, n);
	const latency = binPercentiles(s.answered.endMs, s.answered.latencyMs, w.from, w.to, n);
	const samples = s.lag.filter((l) => l.atMs >= w.from && l.atMs <= w.to);
	return {
		bins: n,
		queues: { door, ready, top: topOf(door.max, ready.max) },
		inFlight: { binned: inFlight, top: topOf(inFlight.max) },
		latency: { bins: latency, top: topOf(latency.map((p) => p?.p99 ?? 0)) },
		loop: binShares(s.loop, s.endMs, w.from, w.to, n),
		lag: { samples, top: topOf(samples.map((l) => l.lagMs)) },
		pool: { binned: binSeries(s.poolBusy, w.from, w.to, n), size: Math.max(1, s.poolSize) }
	};
}
