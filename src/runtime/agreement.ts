import type { SimResult } from '../../simulations/index';

/** Predicted and measured end of one request, and how far apart they are. */
export interface RequestAgreement {
	id: string;
	predictedMs: number | null;
	measuredMs: number | null;
	diffMs: number | null;
}

/** How well a real run agreed with the prediction: per request, and the median and worst gap. */
export interface Agreement {
	requests: RequestAgreement[];
	medianMs: number | null;
	worstMs: number | null;
}

/** Compares end times request by request (absolute differences, in ms). */
export function agreement(predicted: SimResult, measured: SimResult): Agreement {
	const ends = new Map(measured.requests.map((r) => [r.id, r.endMs]));
	const requests = predicted.requests.map((p) => {
		const m = ends.get(p.id) ?? null;
		const diff = p.endMs !== null && m !== null ? Math.abs(m - p.endMs) : null;
		return {
			id: p.id,
			predictedMs: p.endMs,
			measuredMs: m === null ? null : round(m),
			diffMs: diff === null ? null : round(diff)
		};
	});
	const diffs = requests
		.flatMap((r) => (r.diffMs === null ? [] : [r.diffMs]))
		.sort((a, b) => a - b);
	if (diffs.length === 0) return { requests, medianMs: null, worstMs: null };
	const mid = diffs.length >> 1;
	const median = diffs.length % 2 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
	return { requests, medianMs: round(median), worstMs: diffs[diffs.length - 1] };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
