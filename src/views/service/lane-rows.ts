import { countUpTo } from '../../state/sorted-count';
import type { RequestResult } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';
import type { LaneState } from '../stage/state-style';
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

/** A stretch of a lane as drawn: from `a` to `b` in pixels, in one state. */
export interface Bar {
	a: number;
	b: number;
	state: LaneState;
}

/**
 * A lane's segments in the window as bars between `left` and `right` pixels (`x` maps time to
 * pixels): a segment narrower than a pixel adds its width to its pixel's column, drawn as one bar
 * in the state that took most of it, so the loop's 60,000 stretches at 10,000 requests are a few
 * hundred bars, not 60,000 rectangles for the canvas to raster.
 */
export function laneBars(
	segments: readonly Segment[],
	w: TimeWindow,
	x: (t: number) => number,
	left: number,
	right: number
): Bar[] {
	const bars: Bar[] = [];
	const add = (bar: Bar) => {
		const last = bars.at(-1);
		if (last && last.state === bar.state && bar.a - last.b < 1e-9) last.b = Math.max(last.b, bar.b);
		else bars.push(bar);
	};
	let column = NaN;
	const widths = new Map<LaneState, number>();
	const flush = () => {
		let most: LaneState | null = null;
		for (const [state, width] of widths)
			if (most === null || width > (widths.get(most) ?? 0)) most = state;
		if (most !== null) add({ a: column, b: column + 1, state: most });
		widths.clear();
	};
	for (let k = firstEndingAfter(segments, w.from); k < segments.length; k++) {
		const s = segments[k];
		if (s.from > w.to) break;
		const a = Math.max(left, x(s.from));
		const b = Math.min(right, x(s.to));
		if (b <= a) continue;
		if (b - a >= 1) {
			flush();
			add({ a, b, state: s.state });
			continue;
		}
		const c = Math.floor(a);
		if (c !== column) {
			flush();
			column = c;
		}
		widths.set(s.state, (widths.get(s.state) ?? 0) + b - a);
	}
	flush();
	return bars;
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
