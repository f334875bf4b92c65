import { describe, expect, it } from 'vitest';
import {
	GAP,
	LABEL,
	ROW,
	layoutTimeline,
	timeScale
} from '../../../src/views/stage/timeline-geometry';
import type { TimelineModel } from '../../../src/views/stage/timeline-model';

const model = (over: Partial<TimelineModel> = {}): TimelineModel => ({
	lanes: [
		{ id: 'loop', kind: 'loop', segments: [{ from: 0, to: 100, state: 'blocked' }] },
		{ id: 'r1', kind: 'request', segments: [{ from: 0, to: 100, state: 'blocked' }] }
	],
	beats: [],
	lags: [],
	endMs: 100,
	hungAtMs: null,
	...over
});

describe('timeScale(endMs, width)', () => {
	it('maps 0 to the end of the lane names and endMs to 12 units before the right edge', () => {
		const x = timeScale(100, 500);
		expect([x(0), x(100)]).toEqual([LABEL, 488]);
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
		expect(g.height).toBe(2 * (ROW + GAP) + 22);
		expect(g.monitors).toBeNull();
		expect(g.hung).toBeNull();
		expect(g.ticks[0]).toEqual({ x: LABEL, value: 0 });
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
