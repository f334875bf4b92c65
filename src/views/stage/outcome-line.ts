import type { Outcome, SimResult } from '../../../simulations/index';

/** How an outcome reads: `completed` good, `stopped` a warning (the server is slow), `hung` the alarm. */
export type OutcomeTone = 'good' | 'warn' | 'bad';

export function outcomeTone(outcome: Outcome): OutcomeTone {
	return outcome === 'completed' ? 'good' : outcome === 'stopped' ? 'warn' : 'bad';
}

/** Why the run did not complete: the hang's reason, or what was left when it was stopped. */
export function outcomeReason(result: Pick<SimResult, 'hung' | 'stopped'>): string | null {
	return result.hung?.reason ?? result.stopped?.reason ?? null;
}

/**
 * "completed at 1004 ms", or "stopped at 10000 ms (Stopped at the 10 s limit: …)" with the
 * reason cut at `max` characters (the loop view and the panels show it whole).
 */
export function outcomeSummary(
	result: Pick<SimResult, 'outcome' | 'endMs' | 'hung' | 'stopped'>,
	max = Infinity
): string {
	const reason = outcomeReason(result);
	const shown = reason && reason.length > max ? `${reason.slice(0, max)}…` : reason;
	return `${result.outcome} at ${result.endMs} ms${shown ? ` (${shown})` : ''}`;
}
