import { describe, expect, it } from 'vitest';
import type { RequestResult } from '../../../simulations/index';
import {
	firstEndingAfter,
	laneBars,
	laneRows,
	laneWords
} from '../../../src/views/service/lane-rows';
import type { Segment } from '../../../src/views/stage/timeline-model';
import { visibleRows } from '../../../src/views/ui/visible-rows';
import type { Lane } from '../../../src/views/stage/timeline-model';

const lane = (id: string, kind: Lane['kind'], spans: [number, number][]): Lane => ({
	id,
	kind,
	thread: null,
	label: id,
	segments: spans.map(([from, to]) => ({ from, to, state: 'running' }))
});
const lanes = [
	lane('loop', 'loop', [[0, 100]]),
	lane('r1', 'request', [[0, 40]]),
	lane('r2', 'request', [[0, 90]]),
	lane('r3', 'request', [[60, 70]]),
	lane('pool-1', 'thread', [[50, 80]])
];
const requests = [
	{ id: 'r1', arriveMs: 0, endMs: 40, status: 'ok' },
	{ id: 'r2', arriveMs: 0, endMs: 90, status: 'ok' },
	{ id: 'r3', arriveMs: 10, endMs: null, status: 'unfinished' }
] as RequestResult[];
const ids = (ls: Lane[]) => ls.map((l) => l.id);

describe('lanes on demand', () => {
	it('laneRows keeps the loop and threads first, then requests by arrival or slowest first', () => {
		expect(ids(laneRows(lanes, requests, 100, 'arrival', null))).toEqual([
			'loop',
			'pool-1',
			'r1',
			'r2',
			'r3'
		]);
		// r3 is never answered: slower than any answer.
		expect(ids(laneRows(lanes, requests, 100, 'slowest', null))).toEqual([
			'loop',
			'pool-1',
			'r3',
			'r2',
			'r1'
		]);
	});

	it('laneRows with a window lists only the requests active in it', () => {
		expect(ids(laneRows(lanes, requests, 100, 'arrival', { from: 45, to: 65 }))).toEqual([
			'loop',
			'pool-1',
			'r2',
			'r3'
		]);
	});

	it('firstEndingAfter and visibleRows find what a window and a scroll box show', () => {
		expect(firstEndingAfter(lanes[0].segments, 50)).toBe(0);
		expect(firstEndingAfter(lanes[0].segments, 100)).toBe(1);
		expect(visibleRows(0, 100, 20, 1000)).toEqual({ first: 0, last: 6 });
		expect(visibleRows(400, 100, 20, 22)).toEqual({ first: 19, last: 22 });
	});

	it('laneWords tells a request up to the cursor', () => {
		expect(laneWords(lanes[1], requests[0], 5)).toBe('r1: arrived at 0 ms, waiting 5 ms so far');
		expect(laneWords(lanes[1], requests[0], 50)).toBe(
			'r1: arrived at 0 ms, answered at 40 ms (40 ms)'
		);
		expect(laneWords(lanes[3], requests[2], 5)).toBe('r3: arrives at 10 ms');
		expect(laneWords(lanes[0], undefined, 5)).toBe('loop');
	});

	it('laneBars draws wide segments as they are and packs narrow ones a bar a pixel', () => {
		const x = (t: number) => t / 10; // 10 ms a pixel
		const wide: Segment[] = [
			{ from: 0, to: 100, state: 'running' },
			{ from: 100, to: 200, state: 'running' },
			{ from: 200, to: 400, state: 'blocked' }
		];
		expect(laneBars(wide, { from: 0, to: 400 }, x, 0, 40)).toEqual([
			{ a: 0, b: 20, state: 'running' },
			{ a: 20, b: 40, state: 'blocked' }
		]);
		// 60,000 stretches of 1 ms (blocked 3 ms in 4, else awaiting): a bar for each of the 6,000 pixels, each
		// in the state that took most of its pixel, and never outside the plot.
		const narrow: Segment[] = Array.from({ length: 60_000 }, (_, i) => ({
			from: i,
			to: i + 1,
			state: i % 4 === 3 ? 'awaiting' : 'blocked'
		}));
		const bars = laneBars(narrow, { from: 0, to: 60_000 }, x, 0, 6_000);
		expect(bars).toEqual([{ a: 0, b: 6_000, state: 'blocked' }]);
		const zoomed = laneBars(narrow, { from: 1_000, to: 1_100 }, (t) => (t - 1_000) * 2, 0, 200);
		// Zoomed in to 2 px a millisecond, each stretch is drawn, the blocked ones joined.
		expect(zoomed).toHaveLength(50);
		expect(zoomed.slice(0, 2)).toEqual([
			{ a: 0, b: 6, state: 'blocked' },
			{ a: 6, b: 8, state: 'awaiting' }
		]);
		expect(Math.min(...zoomed.map((b) => b.a))).toBeGreaterThanOrEqual(0);
		expect(Math.max(...zoomed.map((b) => b.b))).toBeLessThanOrEqual(200);
	});
});
