import { scaleLinear, type ScaleLinear } from 'd3';
import type { LaneState, TimelineModel } from './timeline-model';

// The timeline's geometry in one place, so the app's TimelineView and the exported pictures
// draw the same lanes at the same places and cannot drift apart.

/** Width of the lane names on the left. */
export const LABEL = 86;
/** Height of one lane's bar. */
export const ROW = 16;
/** Space between lanes. */
export const GAP = 5;

/** Each lane state with the words the legend uses for it. */
export const LEGEND: readonly [LaneState, string][] = [
	['running', 'running Python'],
	['blocked', 'blocked'],
	['gil', 'waiting for the GIL'],
	['awaiting', 'awaiting'],
	['queued', 'queued, not running'],
	['asleep', 'loop asleep in select()']
];

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

/** Everything a timeline drawing needs, in drawing units; the cursor is `x(cursor)`. */
export interface TimelineLayout {
	height: number;
	/** Top of the axis row: grid lines, hung shading and the cursor end here. */
	axisY: number;
	lanes: PlacedLane[];
	/** Heartbeat and lag rows' tops, present only for scenarios that run those monitors. */
	monitors: { beatY: number; lagY: number } | null;
	beats: { cx: number; cy: number }[];
	lags: { x: number; y: number; height: number }[];
	ticks: { x: number; value: number }[];
	/** The shading from the hang to the end, and where its label ends. */
	hung: { x: number; width: number; labelX: number } | null;
}

/** Heartbeat and lag rows appear only for scenarios that run those monitors. */
export function monitored(t: TimelineModel): boolean {
	return t.beats.length > 0 || t.lags.length > 0;
}

/** Variants shown together share one time axis from 0 to `endMs` across a drawing `width` wide. */
export function timeScale(endMs: number, width: number): ScaleLinear<number, number> {
	return scaleLinear()
		.domain([0, Math.max(1, endMs)])
		.range([LABEL, Math.max(LABEL + 40, width - 12)]);
}

/** Places a timeline's lanes, monitor rows, ticks and hung shading; `lagMax` scales the lag bars. */
export function layoutTimeline(
	t: TimelineModel,
	x: ScaleLinear<number, number>,
	width: number,
	lagMax = Math.max(1, ...t.lags.map((l) => l.lagMs))
): TimelineLayout {
	const extra = monitored(t) ? 2 : 0;
	// The y of the k-th row below the lanes: heartbeat, lag, then the axis.
	const rowY = (k: number) => (t.lanes.length + Math.min(k, extra)) * (ROW + GAP);
	const axisY = rowY(2);
	const beatY = rowY(0);
	const lagY = rowY(1);
	return {
		height: (t.lanes.length + extra) * (ROW + GAP) + 22,
		axisY,
		lanes: t.lanes.map((lane, i) => ({
			id: lane.id,
			kind: lane.kind,
			label: lane.id === 'loop' ? 'loop thread' : lane.id,
			y: i * (ROW + GAP),
			bars: lane.segments.map((s) => ({
				x: x(s.from),
				width: Math.max(1, x(s.to) - x(s.from)),
				state: s.state
			}))
		})),
		monitors: extra > 0 ? { beatY, lagY } : null,
		beats: t.beats.map((b) => ({ cx: x(b), cy: beatY + ROW / 2 })),
		lags: t.lags.map((l) => {
			const h = Math.max(1.5, (l.lagMs / lagMax) * ROW);
			return { x: x(l.atMs) - 2, y: lagY + ROW - h, height: h };
		}),
		ticks: x.ticks(Math.max(2, Math.floor(width / 90))).map((value) => ({ x: x(value), value })),
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
