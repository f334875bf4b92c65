// "recorded 438 ms · model 436 ms": each request's latency in the recording and in the model's
// re-simulation of the scenario made from it, so agreement is visible.
import type { SimResult } from '../../../simulations/index';
import type { TraceModel } from '../../traces/index';

/** One request's latency, recorded and modelled, both from when the app saw it (ms). */
export interface LatencyPair {
	id: string;
	path: string;
	recordedMs: number;
	/** null: the scenario left the request out, or the model never finished it. */
	modelMs: number | null;
}

/**
 * Pairs each recorded request with the model's: toScenario names the request at index i of the
 * model `r{i+1}`. Both latencies run from the recorded arrival, since the scenario moves a request
 * that came in during a stall to the stall's middle.
 */
export function latencyPairs(model: TraceModel, result: SimResult): LatencyPair[] {
	const simulated = new Map(result.requests.map((r) => [r.id, r]));
	return model.requests.flatMap((r, i) => {
		if (!Number.isFinite(r.endMs)) return [];
		const end = simulated.get(`r${i + 1}`)?.endMs ?? null;
		return [
			{
				id: r.id,
				path: r.path,
				recordedMs: r.endMs - r.arriveMs,
				modelMs: end === null ? null : end - r.arriveMs
			}
		];
	});
}

/** How far the model is from the recording at worst, in words. */
export function agreementLine(pairs: LatencyPair[]): string {
	const modelled = pairs.filter((p) => p.modelMs !== null);
	if (modelled.length === 0) return 'The model has none of these requests to compare.';
	const worst = Math.max(...modelled.map((p) => Math.abs(p.modelMs! - p.recordedMs)));
	const left = pairs.length - modelled.length;
	return `The model ends ${modelled.length === 1 ? 'this request' : `all ${modelled.length}`} within ${Math.ceil(worst)} ms of the recording${left ? `; ${left} not modelled (no task steps recorded for them)` : ''}.`;
}
