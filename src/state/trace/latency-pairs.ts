// "recorded 438 ms · model 436 ms": each request's latency in the recording and in the model's
// re-simulation of the scenario made from it, so agreement is visible.
import type { SimResult } from '../../../simulations/index';
import { agreementOf, type TraceModel } from '../../traces/index';

/** One request's latency, recorded and modelled, both from when the app saw it (ms). */
export interface LatencyPair {
	/** The recorder's id. */
	id: string;
	/** Its name on the page and the timeline (see requestNames). */
	name: string;
	path: string;
	recordedMs: number;
	/** null: the scenario left the request out, or the model never finished it. */
	modelMs: number | null;
	/** Loop time in the recording that the model leaves out, up to this request's end. */
	unmodelledMs: number;
}

/**
 * Pairs each finished recorded request with the model's run of it (agreementOf). Both latencies
 * run from the recorded arrival, since the scenario may move a request that came in during a
 * stall to when its bytes most likely arrived.
 */
export function latencyPairs(
	model: TraceModel,
	names: ReadonlyMap<string, string>,
	result: SimResult
): LatencyPair[] {
	const agreed = new Map(agreementOf(model, result.requests).map((a) => [a.id, a]));
	return model.requests.flatMap((r) => {
		if (!Number.isFinite(r.endMs)) return [];
		const name = names.get(r.id) ?? `#${r.id}`;
		const a = agreed.get(name);
		const end = a?.simulatedEndMs ?? null;
		return [
			{
				id: r.id,
				name,
				path: r.path,
				recordedMs: r.endMs - r.arriveMs,
				modelMs: end === null ? null : end - r.arriveMs,
				unmodelledMs: a?.unmodelledMs ?? 0
			}
		];
	});
}

/** How far the model is from the recording at worst, and how much of that it cannot see, in words. */
export function agreementLine(pairs: readonly LatencyPair[]): string {
	const modelled = pairs.filter((p) => p.modelMs !== null);
	if (modelled.length === 0) return 'The model has none of these requests to compare.';
	const worst = Math.max(...modelled.map((p) => Math.abs(p.modelMs! - p.recordedMs)));
	const unseen = Math.max(...modelled.map((p) => p.unmodelledMs));
	const left = pairs.length - modelled.length;
	const which = modelled.length === 1 ? 'the one request' : `all ${modelled.length} requests`;
	return [
		`The model ends ${which} within ${Math.ceil(worst)} ms of the recording`,
		unseen >= 1
			? `; the recording holds up to ${Math.round(unseen)} ms of loop time it leaves out (the server's own callbacks, the recorder)`
			: '',
		left ? `; ${left} not modelled (no task steps recorded for them)` : '',
		'.'
	].join('');
}
