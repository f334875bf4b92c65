import { formatEvent, type TraceEvent } from '../../../simulations/index';
import type { RunComparison } from '../../exact/index';
import type { Agreement } from '../../runtime/agreement';

/** unchecked: not run yet; pending: running; agree; differ; failed: the run did not finish. */
export type BadgeState = 'unchecked' | 'pending' | 'agree' | 'differ' | 'failed';

/** One line of the agreement badge: the model against one other engine. */
export interface BadgeLine {
	state: BadgeState;
	/** Short, e.g. "Model = CPython". */
	label: string;
	/** The sentence after it: how they agree, or the first place they do not. */
	detail: string;
}

/** The real run may be this far off (ms) and still count as close: wall clock, a busy machine. */
export const REAL_TOLERANCE_MS = 25;
/** … or this fraction of the run's length, whichever is more. */
export const REAL_TOLERANCE_SHARE = 0.05;

/** Model vs CPython: exact, so a single differing event or time is a mismatch, shown. */
export function exactLine(
	comparison: RunComparison | null,
	status: 'idle' | 'loading' | 'running' | 'done' | 'failed',
	failure: string | null = null
): BadgeLine {
	const label = 'Model vs CPython';
	if (status === 'failed' && !comparison)
		return { state: 'failed', label, detail: `not checked: ${failure ?? 'the run failed'}` };
	if (!comparison)
		return status === 'idle'
			? { state: 'unchecked', label, detail: 'not checked yet (Run on CPython)' }
			: { state: 'pending', label, detail: 'checking…' };
	const d = comparison.firstDivergence;
	const first = d
		? `first divergence${d.index >= 0 ? ` at event ${d.index + 1}` : ''}: ${d.model || d.exact ? `model ${shown(d.model)}, CPython ${shown(d.exact)}. ` : ''}${d.why}`
		: '';
	const n = comparison.requests.length;
	if (comparison.agree)
		return {
			state: 'agree',
			label: 'Model = CPython',
			detail: d
				? `the same up to allowed differences (${comparison.allowed.join(', ')}; see README, Exact mode): ${sentence(first)}`
				: `same order of loop events, same virtual times (${n} request${n === 1 ? '' : 's'}).`
		};
	const allowed = comparison.allowed.length
		? ` Allowed differences also found: ${comparison.allowed.join(', ')}.`
		: '';
	return {
		state: 'differ',
		label: 'Model ≠ CPython',
		detail: `${sentence(first || 'the runs differ')}${allowed}`
	};
}

/** Model vs the real Worker run: wall clock, so close within a tolerance counts as agreeing. */
export function realLine(a: Agreement | null, endMs: number, running = false): BadgeLine {
	const label = 'Model vs real run';
	if (!a)
		return running
			? { state: 'pending', label, detail: 'running…' }
			: { state: 'unchecked', label, detail: 'not run yet (Run for real)' };
	if (a.worstMs === null)
		return { state: 'failed', label, detail: 'no request finished in the real run' };
	const tolerance = Math.max(REAL_TOLERANCE_MS, endMs * REAL_TOLERANCE_SHARE);
	const figures = `median ${a.medianMs} ms, worst ${a.worstMs} ms apart (wall clock)`;
	const missing = a.requests.filter((r) => r.predictedMs !== null && r.measuredMs === null).length;
	const close = a.worstMs <= tolerance && missing === 0;
	return {
		state: close ? 'agree' : 'differ',
		label: close ? 'Model ≈ real run' : 'Model ≠ real run',
		detail: `${figures}${missing ? `; ${missing} request(s) unfinished in the real run` : ''}; close means within ${Math.round(tolerance)} ms.`
	};
}

/** Ends a sentence with one full stop. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** An event of either run as one line of the engine's text timeline; "nothing" past its end. */
function shown(e: unknown): string {
	if (e === undefined || e === null) return 'nothing (its trace had ended)';
	if (typeof e === 'object' && 'type' in e && 'actor' in e)
		return `“${formatEvent(e as TraceEvent)
			.trim()
			.replace(/\s+/g, ' ')}”`;
	return `“${String(e)}”`;
}
