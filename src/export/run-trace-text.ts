import type { SimResult } from '../../simulations/index';

/** A run's Chrome trace as text; the trace writer loads on first use, not with the page. */
export async function runTraceText(
	result: SimResult,
	about: Record<string, unknown>
): Promise<string> {
	const { runTrace } = await import('./chrome-trace');
	return JSON.stringify(runTrace(result, about));
}
