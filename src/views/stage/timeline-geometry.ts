import { ticks } from 'd3';
import { LANE_STATES, STATE_STYLE, type LaneState } from './state-style';
import type { Handoff, TimelineModel } from './timeline-model';

// The timeline's geometry in one place, so the app's TimelineView and the exported pictures
// draw the same lanes at the same places and cannot drift apart.

/** Width of the lane names on the left. */
export const LABEL = 112;
/** Height of one lane's bar. */
export const ROW = 18;
/** Space between lanes. */
export const GAP = 6;
/** Size of the lane names and tick labels, in px: readable, never below 13. */
export const FONT = 13;
/** Height of the axis row under the lanes: tick labels and the unit. */
export const AXIS = 24;
/** Request lanes drawn before the rest become one "+N more requests" row. */
export const MAX_REQUESTS = 6;

/** How each kind of hand-off's arrow is dashed: solid when the loop is told, dashed when not. */
export const HANDOFF_DASH: Record<Handoff['kind'], string | null> = {
	threadsafe: null,
	runCoroutineThreadsafe: null,
	unsafe: '3 2',
	resultWait: '1 2'
};

/** The words beside an arrow whose hand-off does not wake the loop: the lost wake-up, named. */
export const NO_WAKE_NOTE = 'no wake-up';

/** The legend's hand-off entries: how the arrow is dashed, whether it ends in a wake-up dot. */
export const HANDOFF_LEGEND: readonly { dash: string | null; wake: boolean; words: string }[] = [
	{ dash: HANDOFF_DASH.threadsafe, wake: true, words: 'hand-off that wakes the loop' },
	{ dash: HANDOFF_DASH.unsafe, wake: false, words: 'hand-off without a wake-up' }
];

/**
 * The legend's state entries, with their words: the states these runs draw anywhere (not only up
 * to the cursor, so the legend stays put while stepping), in legend order.
 */
export function legend(timelines: readonly TimelineModel[]): [LaneState, string][] {
	const drawn = new Set(
		timelines.flatMap((t) => t.lanes.flatMap((l) => l.segments.map((s) => s.state)))
	);
	return LANE_STATES.filter((s) => drawn.has(s)).map((s) => [s, STATE_STYLE[s].words]);
}

export interface Bar {
	x: number;
	width: number;
	state: LaneState;
}

/** A lane placed on the drawing: its top, its name and its state bars. */
export interface PlacedLane {
	id: string;
	kind: TimelineModel['lanes'][number]['kind'];
	label: string;
	y: number;
	bars: Bar[];
}

/** A hand-off drawn as an arrow at one time, from one lane's middle to another's. */
export interface PlacedHandoff extends Handoff {
	x: number;
	y1: number;
	y2: number;
	/** Where "no wake-up" is written for an unsafe hand-off: left of the arrow if there is room. */
	note: { x: number; y: number; anchor: 'start' | 'end' } | null;
}

/** Everything a timeline drawing needs, in drawing units; the cursor is `x(cursor)`. */
export interface TimelineLayout {
	height: number;
	/** Top of the axis row: grid lines, hung shading and the cursor end here. */
	axisY: number;
	lanes: PlacedLane[];
	/** The row that stands for the request lanes left out, if any. */
	more: { y: number; text: string } | null;
	/** Heartbeat and lag rows' tops, present only for scenarios that run those monitors. */
	monitors: { beatY: number; lagY: number } | null;
	beats: { cx: number; cy: number }[];
	lags: { x: number; y: number; height: number }[];
	handoffs: PlacedHandoff[];
	/** Tick labels; the last one is anchored at its end so it is never cut off. */
	ticks: { x: number; value: number; anchor: 'middle' | 'end' }[];
	/** The shading from the hang to the end, and where its label ends. */
	hung: { x: number; width: number; labelX: number } | null;
}

/** Heartbeat and lag rows appear only for scenarios that run those monitors. */
export function monitored(t: TimelineModel): boolean {
	return t.beats.length > 0 || t.lags.length > 0;
}

/** A time axis: ms to x, x back to ms, and round tick values (d3's, as an axis would pick them). */
export interface TimeScale {
	(ms: number): number;
	invert(x: number): number;
	ticks(count: number): number[];
	/** The drawing's x from the axis's start to its end. */
	range(): [number, number];
}

/**
 * Variants shown together share one time axis from 0 to `endMs` across a drawing `width` wide.
 * Not d3-scale's scaleLinear: it carries d3's interpolators, colours and number formats into the
 * lesson page's first load (about 9 KB gzip) for a straight line; the ticks are still d3's.
 */
export function timeScale(endMs: number, width: number): TimeScale {
	const span = Math.max(1, endMs);
	const left = LABEL;
	const px = Math.max(LABEL + 40, width - 12) - left;
	const scale = (ms: number) => left + (ms / span) * px;
	scale.invert = (x: number) => ((x - left) / px) * span;
	scale.ticks = (count: number) => ticks(0, span, count);
	scale.range = (): [number, number] => [left, left + px];
	return scale;
}

/** How strongly the future is veiled: the page's background at this opacity over it. */
export const FUTURE_VEIL = 0.78;

/**
 * What lies after the cursor, to be dimmed so the outcome is not given away before its time.
 * Once a run has hung nothing is to come: the lanes stay as they are, so nothing is dimmed.
 */
export function futureShade(
	x: TimeScale,
	cursor: number,
	axisY: number,
	hungAtMs: number | null = null
): { x: number; width: number; height: number; span: number } {
	const [left, right] = x.range();
	const from = Math.max(left, Math.min(right, x(cursor)));
	const over = hungAtMs !== null && cursor >= hungAtMs;
	// `span` is the veil's width from the left end: drawn as one box slid to `x`, its size never
	// changes while time moves.
	return {
		x: from,
		width: over ? 0 : Math.max(0, right - from + 12),
		height: axisY,
		span: right - left + 12
	};
}

/** The lanes drawn: the loop and every thread always, requests up to `maxRequests`. */
function shownLanes(t: TimelineModel, maxRequests: number) {
	const requests = t.lanes.filter((l) => l.kind === 'request');
	const keep = requests.length > maxRequests + 1 ? maxRequests : requests.length;
	const dropped = new Set(requests.slice(keep).map((l) => l.id));
	return { lanes: t.lanes.filter((l) => !dropped.has(l.id)), hidden: dropped.size };
}

/**
 * Places a timeline's lanes, monitor rows, hand-offs, ticks and hung shading; `lagMax` scales
 * the lag bars; past `maxRequests` request lanes the rest become one "+N more requests" row.
 */
export function layoutTimeline(
	t: TimelineModel,
	x: TimeScale,
	width: number,
	lagMax = Math.max(1, ...t.lags.map((l) => l.lagMs)),
	maxRequests = MAX_REQUESTS
): TimelineLayout {
	const { lanes, hidden } = shownLanes(t, maxRequests);
	const rows = lanes.length + (hidden > 0 ? 1 : 0);
	const extra = monitored(t) ? 2 : 0;
	const rowY = (k: number) => k * (ROW + GAP);
	const axisY = rowY(rows + extra);
	const beatY = rowY(rows);
	const lagY = rowY(rows + 1);
	const placed = lanes.map((lane, i) => ({
		id: lane.id,
		kind: lane.kind,
		label: lane.label,
		y: rowY(i),
		bars: lane.segments.map((s) => ({
			x: x(s.from),
			width: Math.max(1, x(s.to) - x(s.from)),
			state: s.state
		}))
	}));
	const middle = new Map(placed.map((l) => [l.id, l.y + ROW / 2]));
	const ticks = x.ticks(Math.max(2, Math.floor(width / 90)));
	// A label as wide as its digits must fit left of the drawing's edge, or it is anchored at its end.
	const fits = (v: number) => x(v) + (String(v).length * FONT * 0.62) / 2 <= width;
	return {
		height: axisY + AXIS,
		axisY,
		lanes: placed,
		more: hidden > 0 ? { y: rowY(lanes.length), text: `+${hidden} more requests` } : null,
		monitors: extra > 0 ? { beatY, lagY } : null,
		beats: t.beats.map((b) => ({ cx: x(b), cy: beatY + ROW / 2 })),
		lags: t.lags.map((l) => {
			const h = Math.max(1.5, (l.lagMs / lagMax) * ROW);
			return { x: x(l.atMs) - 2, y: lagY + ROW - h, height: h };
		}),
		handoffs: t.handoffs.flatMap((h) => {
			const y1 = middle.get(h.from);
			const y2 = middle.get(h.to);
			if (y1 === undefined || y2 === undefined || y1 === y2) return [];
			const at = x(h.at);
			const left = at - 5 - NO_WAKE_NOTE.length * FONT * 0.62 >= LABEL;
			const note: PlacedHandoff['note'] =
				h.kind === 'unsafe' && !h.woke
					? { x: left ? at - 5 : at + 5, y: (y1 + y2) / 2 + 4, anchor: left ? 'end' : 'start' }
					: null;
			return [{ ...h, x: at, y1, y2, note }];
		}),
		ticks: ticks.map((value) => ({
			x: x(value),
			value,
			anchor: fits(value) ? 'middle' : 'end'
		})),
		hung:
			t.hungAtMs === null
				? null
				: {
						x: x(t.hungAtMs),
						width: Math.max(0, x(t.endMs) - x(t.hungAtMs)),
						labelX: x(t.endMs) - 4
					}
	};
}
