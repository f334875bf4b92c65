import type { SimResult } from '../../../simulations/index';
import type { Agreement } from '../../runtime/agreement';

/** One request's predicted and measured bars, as CSS percentages of one time axis. */
export interface RunBars {
	left: string;
	predicted: string;
	measured: string;
}

/**
 * Where the Run for real table draws each request: from its arrival to its predicted and its
 * measured end, on one axis from 0 to the latest of the prediction and the measurement (ms).
 */
export function realRunBars(
	predicted: SimResult,
	measured: SimResult,
	agreement: Agreement
): { endMs: number; bars: RunBars[] } {
	const endMs = Math.max(1, predicted.endMs, ...measured.requests.map((r) => r.endMs ?? 0));
	const pct = (ms: number) => `${(ms / endMs) * 100}%`;
	const bars = agreement.requests.map((r, i) => {
		const arrive = predicted.requests[i].arriveMs;
		return {
			left: pct(arrive),
			predicted: pct((r.predictedMs ?? arrive) - arrive),
			measured: pct((r.measuredMs ?? arrive) - arrive)
		};
	});
	return { endMs, bars };
}
