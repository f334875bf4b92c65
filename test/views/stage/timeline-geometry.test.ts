import { describe, expect, it } from 'vitest';
import {
	AXIS,
	GAP,
	LABEL,
	ROW,
	futureShade,
	legend,
	layoutTimeline,
	timeScale
} from '../../../src/views/stage/timeline-geometry';
import type { Lane, TimelineModel } from '../../../src/views/stage/timeline-model';

const blocked = [{ from: 0, to: 100, state: 'blocked' as const }];
const request = (id: string): Lane => ({
	id,
	kind: 'request',
	thread: null,
	label: id,
	segments: [{ from: 0, to: 100, state: 'queued' }]
});
const model = (over: Partial<TimelineModel> = {}): TimelineModel => ({
	lanes: [
		{ id: 'loop', kind: 'loop', thread: null, label: 'loop thread', segments: blocked },
		{ id: 'r1', kind: 'request', thread: null, label: 'r1', segments: blocked }
	],
	beats: [],
	lags: [],
	handoffs: [],
	endMs: 100,
	hungAtMs: null,
	...over
});

describe('timeScale(endMs, width)', () => {
	it('maps 0 to the end of the lane names and endMs to 12 units before the right edge', () => {
		const x = timeScale(100, 500);
		expect([x(0), x(100)]).toEqual([LABEL, 488]);
		expect(x.range()).toEqual([LABEL, 488]);
	});

	it('inverts a drawing x back to its time, and picks round ticks across the whole axis', () => {
		const x = timeScale(1000, 612);
		expect(x.invert(x(250))).toBeCloseTo(250, 9);
		expect(x.ticks(5)).toEqual([0, 200, 400, 600, 800, 1000]);
	});

	it('keeps an empty run drawable: a zero-length axis spans 1 ms', () => {
		const x = timeScale(0, 500);
		expect(x(1)).toBe(488);
	});
});

describe('layoutTimeline(model, x, width)', () => {
	it('stacks lanes ROW + GAP apart, names the loop lane, and ends at the axis row', () => {
		const g = layoutTimeline(model(), timeScale(100, 500), 500);
		expect(g.lanes.map((l) => [l.label, l.y])).toEqual([
			['loop thread', 0],
			['r1', ROW + GAP]
		]);
		expect(g.lanes[0].bars).toEqual([{ x: LABEL, width: 488 - LABEL, state: 'blocked' }]);
		expect(g.axisY).toBe(2 * (ROW + GAP));
		expect(g.height).toBe(2 * (ROW + GAP) + AXIS);
		expect(g.monitors).toBeNull();
		expect(g.hung).toBeNull();
		expect(g.more).toBeNull();
		expect(g.ticks[0]).toEqual({ x: LABEL, value: 0, anchor: 'middle' });
	});

	it('anchors the last tick at its end when centring it would cut it off', () => {
		const g = layoutTimeline(model({ endMs: 1000 }), timeScale(1000, 500), 500);
		expect(g.ticks.at(-1)).toMatchObject({ value: 1000, anchor: 'end' });
		expect(g.ticks.slice(0, -1).every((t) => t.anchor === 'middle')).toBe(true);
	});

	it('keeps the loop and thread lanes, and folds requests past the cap into one row', () => {
		const pool: Lane = {
			...request('pool-1'),
			kind: 'thread',
			thread: 'pool',
			label: 'pool thread 1'
		};
		const lanes = [model().lanes[0], pool, ...['a', 'b', 'c', 'd'].map(request)];
		const g = layoutTimeline(model({ lanes }), timeScale(100, 500), 500, 1, 2);
		expect(g.lanes.map((l) => l.label)).toEqual(['loop thread', 'pool thread 1', 'a', 'b']);
		expect(g.more).toEqual({ y: 4 * (ROW + GAP), text: '+2 more requests' });
		expect(g.axisY).toBe(5 * (ROW + GAP));
		// One request over the cap is drawn: a "+1 more" row would take its place for nothing.
		const five = layoutTimeline(
			model({ lanes: lanes.slice(0, 5) }),
			timeScale(100, 500),
			500,
			1,
			2
		);
		expect([five.lanes.length, five.more]).toEqual([5, null]);
	});

	it('draws a hand-off at its time, from its lane to the other', () => {
		const reader: Lane = {
			...request('reader'),
			kind: 'thread',
			thread: 'reader',
			label: 'reader thread'
		};
		const handoff = {
			at: 50,
			from: 'reader',
			to: 'loop',
			kind: 'threadsafe' as const,
			what: 'cb',
			woke: true
		};
		const lanes = [model().lanes[0], reader];
		const x = timeScale(100, 500);
		const g = layoutTimeline(
			model({ lanes, handoffs: [handoff, { ...handoff, from: 'gone' }] }),
			x,
			500
		);
		expect(g.handoffs).toEqual([
			{ ...handoff, x: x(50), y1: ROW + GAP + ROW / 2, y2: ROW / 2, note: null }
		]);
		// An unsafe set_result is named beside its arrow: left of it, or right where the names are.
		const unsafe = { ...handoff, kind: 'unsafe' as const, woke: false };
		const notes = (at: number) =>
			layoutTimeline(model({ lanes, handoffs: [{ ...unsafe, at }] }), x, 500).handoffs[0].note;
		expect(notes(90)).toMatchObject({ x: x(90) - 5, anchor: 'end' });
		expect(notes(1)).toMatchObject({ x: x(1) + 5, anchor: 'start' });
	});

	it('adds heartbeat and lag rows only when the scenario has monitors, lag bars scaled to the largest', () => {
		const g = layoutTimeline(
			model({
				beats: [50],
				lags: [
					{ atMs: 50, lagMs: 10 },
					{ atMs: 100, lagMs: 20 }
				]
			}),
			timeScale(100, 500),
			500
		);
		expect(g.monitors).toEqual({ beatY: 2 * (ROW + GAP), lagY: 3 * (ROW + GAP) });
		expect(g.axisY).toBe(4 * (ROW + GAP));
		expect(g.lags.map((l) => l.height)).toEqual([ROW / 2, ROW]);
	});

	it('shades a hung run from the hang to the end', () => {
		const x = timeScale(100, 500);
		const g = layoutTimeline(model({ hungAtMs: 50 }), x, 500);
		expect(g.hung).toEqual({ x: x(50), width: x(100) - x(50), labelX: x(100) - 4 });
	});
});

describe('futureShade(x, cursor, axisY)', () => {
	it('covers from the cursor to the right edge, and all of it before the start', () => {
		const x = timeScale(100, 500);
		expect(futureShade(x, 50, 40)).toEqual({
			x: x(50),
			width: 500 - x(50),
			height: 40,
			span: 500 - LABEL
		});
		expect(futureShade(x, -5, 40).x).toBe(LABEL);
		expect(futureShade(x, 500, 40).width).toBe(12);
	});

	it('dims nothing once the run has hung: what is drawn after the hang is how it stays', () => {
		const x = timeScale(100, 500);
		expect(futureShade(x, 50, 40, 50).width).toBe(0);
		expect(futureShade(x, 40, 40, 50).width).toBe(500 - x(40));
	});
});

describe('legend(timelines)', () => {
	it('lists the states the runs draw, in legend order, whatever the cursor', () => {
		const other = model({ lanes: [request('r9')] });
		expect(legend([model()]).map(([s]) => s)).toEqual(['blocked']);
		expect(legend([other, model()]).map(([s]) => s)).toEqual(['blocked', 'queued']);
	});
});
