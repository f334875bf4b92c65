// Stepping a recorded run by what matters in it, not one engine event at a time: from stall to
// stall, and from one request's arrival or answer to the next.
import type { SimResult } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';
import type { Stall } from '../../traces/index';
import { shortWhere } from './what-if-run';

/** A moment of the stage's run worth stopping at, with what happens there in words. */
export interface Moment {
	atMs: number;
	what: string;
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

/** The first moment after the cursor (`dir` 1) or the last before it (-1), or null. */
export function nextMoment(moments: readonly Moment[], cursor: number, dir: 1 | -1): Moment | null {
	if (dir === 1) return moments.find((m) => m.atMs > cursor + HERE_MS) ?? null;
	return [...moments].reverse().find((m) => m.atMs < cursor - HERE_MS) ?? null;
}
