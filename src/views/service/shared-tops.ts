import type { ServicePanels } from './service-panels';

/**
 * The panels of runs compared, each y axis topped at the highest of them all, so a taller
 * column is a larger figure whichever run it is in. A pool keeps its own size: its panel is the
 * share of that run's pool in use.
 */
export function sharedTops(all: readonly ServicePanels[]): ServicePanels[] {
	if (all.length < 2) return [...all];
	const top = (of: (p: ServicePanels) => number) => Math.max(...all.map(of));
	const queues = top((p) => p.queues.top);
	const inFlight = top((p) => p.inFlight.top);
	const latency = top((p) => p.latency.top);
	const lag = top((p) => p.lag.top);
	return all.map((p) => ({
		...p,
		queues: { ...p.queues, top: queues },
		inFlight: { ...p.inFlight, top: inFlight },
		latency: { ...p.latency, top: latency },
		lag: { ...p.lag, top: lag }
	}));
}
