import { countUpTo } from '../../state/sorted-count';
import type { RequestResult } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';
import type { Lane, Segment } from '../stage/timeline-model';
import type { TimeWindow } from './time-window';

/** How the lanes on demand are ordered: requests as they arrived, or the slowest first. */
export type LaneOrder = 'arrival' | 'slowest';

/**
 * The lanes to list: the loop and the threads first, then the requests in `order`; with
 * `activeIn`, only requests that did something in that window. A request still unanswered at the
 * end counts as slower than every answered one.
 */
export function laneRows(
	lanes: readonly Lane[],
	requests: readonly RequestResult[],
	endMs: number,
	order: LaneOrder,
	activeIn: TimeWindow | null
): Lane[] {
	const fixed = lanes.filter((l) => l.kind !== 'request');
	let asked = lanes.filter((l) => l.kind === 'request');
	if (activeIn) asked = asked.filter((l) => activeBetween(l.segments, activeIn));
	if (order === 'slowest') {
		const latency = new Map(requests.map((q) => [q.id, (q.endMs ?? endMs + 1) - q.arriveMs]));
		// A gather branch has no result of its own: it sorts by the span of its lane.
		const of = (l: Lane) =>
			latency.get(l.id) ?? (l.segments.at(-1)?.to ?? 0) - (l.segments[0]?.from ?? 0);
		asked = asked
			.map((l) => ({ l, ms: of(l) }))
			.sort((a, b) => b.ms - a.ms)
			.map((e) => e.l);
	}
	return [...fixed, ...asked];
}

/** Whether a lane has a stretch overlapping the window. */
function activeBetween(segments: readonly Segment[], w: TimeWindow): boolean {
	const i = firstEndingAfter(segments, w.from);
	return i < segments.length && segments[i].from <= w.to;
}

/** The first segment that ends after `t` (segments are in time order): a binary search. */
export function firstEndingAfter(segments: readonly Segment[], t: number): number {
	return countUpTo(segments.length, (i) => segments[i].to, t);
}

/** A lane in words, up to `t`: when its request arrived and was answered, or how long it waits. */
export function laneWords(lane: Lane, q: RequestResult | undefined, t: number): string {
	if (lane.kind !== 'request' || !q) return lane.label;
	const ms = (n: number) => formatMs(n, 0);
	if (q.arriveMs > t) return `${lane.id}: arrives at ${ms(q.arriveMs)}`;
	if (q.endMs === null || q.endMs > t)
		return `${lane.id}: arrived at ${ms(q.arriveMs)}, waiting ${ms(t - q.arriveMs)} so far`;
	return `${lane.id}: arrived at ${ms(q.arriveMs)}, answered at ${ms(q.endMs)} (${ms(q.endMs - q.arriveMs)}${q.status === 'error' ? ', an error' : ''})`;
}
