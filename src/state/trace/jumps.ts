// Stepping a run by what matters in it, not one engine event at a time: from stall to stall, from
// one request's arrival or answer to the next (here), or by an event's meaning (event-moments.ts).
import type { SimResult } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';
import type { Stall } from '../../traces/index';
import { shortWhere } from './what-if-run';

/** A moment of the stage's run worth stopping at, with what happens there in words. */
export interface Moment {
	atMs: number;
	what: string;
	/** The step that shows it (events applied), for moments that are events of the run on show. */
	step?: number;
}

/** A kind of moment to step by: its name in "Next {kind}", its moments in order, how to go there. */
export interface MomentGroup {
	kind: string;
	moments: readonly Moment[];
	/** Where one is: by its step (an event of the run on show) or by its time. */
	by: 'step' | 'ms';
}

/** Each stall's middle: the loop is inside it there. */
export function stallMoments(stalls: readonly Stall[]): Moment[] {
	return stalls.map((s) => ({
		atMs: Math.round(s.atMs + s.ms / 2),
		what: `inside the ${formatMs(s.ms, 1)} stall that began at ${formatMs(s.atMs, 1)}${s.where ? ` (${shortWhere(s.where)})` : ''}`
	}));
}

/** Every request's arrival and answer in the model's run, in time order. */
export function requestMoments(result: SimResult): Moment[] {
	const moments = result.requests.flatMap((r) => [
		{ atMs: r.arriveMs, what: `${r.id} arrives` },
		...(r.endMs === null
			? []
			: [
					{ atMs: r.endMs, what: `${r.id} is answered, after ${formatMs(r.endMs - r.arriveMs, 0)}` }
				])
	]);
	return moments.sort((a, b) => a.atMs - b.atMs);
}

/** Moments closer than this to the cursor are where it already is. */
const HERE_MS = 0.5;

/**
 * The first moment after `here` (`dir` 1) or the last before it (-1), or null: `here` is the
 * cursor in ms, or with `by: 'step'` the step on show.
 */
export function nextMoment(
	moments: readonly Moment[],
	here: number,
	dir: 1 | -1,
	by: MomentGroup['by'] = 'ms'
): Moment | null {
	const at = (m: Moment) => (by === 'step' ? (m.step ?? 0) : m.atMs);
	const near = by === 'step' ? 0 : HERE_MS;
	if (dir === 1) return moments.find((m) => at(m) > here + near) ?? null;
	for (let i = moments.length - 1; i >= 0; i--) if (at(moments[i]) < here - near) return moments[i];
	return null;
}

/** The trace page's own kinds of moment, by time: its stalls and the model's request events. */
export function traceJumps(stalls: readonly Stall[], result: SimResult): MomentGroup[] {
	return [
		{ kind: 'stall', moments: stallMoments(stalls), by: 'ms' },
		{ kind: 'request event', moments: requestMoments(result), by: 'ms' }
	];
}
