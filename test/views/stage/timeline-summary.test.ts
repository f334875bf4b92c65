import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/index';
import type { Lane, TimelineModel } from '../../../src/views/stage/timeline-model';
import { buildTimeline } from '../../../src/views/stage/timeline-model';
import { describeTimeline } from '../../../src/views/stage/timeline-summary';
import { scenario } from '../../simulations/build';

// The blocked-loop story of lesson 2: one handler sleeps 100 ms in time.sleep(), a second request
// arrives 10 ms later and waits its turn.
const run = simulate(
	scenario({ h: [{ op: 'block', ms: 100 }] }, [
		['a', 0, 'h'],
		['b', 10, 'h']
	]),
	{ trace: true }
);
const blocked = buildTimeline(run.trace ?? [], run.endMs);

describe('describeTimeline(model, upTo, variant)', () => {
	it('is named "Timeline…" with its span and the cursor', () => {
		expect(describeTimeline(blocked, 50, 'time.sleep').name).toBe(
			'Timeline of time.sleep, 0–200 ms, cursor at 50 ms'
		);
	});

	it('says who blocked and who waited, from start to end', () => {
		expect(describeTimeline(blocked, 200, 'v').description).toBe(
			'Up to 200 ms: loop thread blocked 0–200 ms; a blocked 0–100 ms; b queued 10–100 ms, then blocked 100–200 ms.'
		);
	});

	it('tells only what has happened by the cursor, as the drawing dims the rest', () => {
		const words = describeTimeline(blocked, 50, 'v').description;
		expect(words).toBe(
			'Up to 50 ms: loop thread blocked 0–50 ms; a blocked 0–50 ms; b queued 10–50 ms.'
		);
		expect(words).not.toContain('100');
	});

	it('says when the loop never blocked, and sums a lane of many stretches', () => {
		const lane = (id: string, kind: Lane['kind'], states: Lane['segments']): Lane => ({
			id,
			kind,
			thread: kind === 'thread' ? 'pool' : null,
			label: { loop: 'loop thread', thread: 'pool thread 1', request: id }[kind],
			segments: states
		});
		const switching = [0, 1, 2, 3].map((i) => ({
			from: i * 10,
			to: i * 10 + 10,
			state: i % 2 ? ('gil' as const) : ('running' as const)
		}));
		const t: TimelineModel = {
			lanes: [
				lane('loop', 'loop', [{ from: 0, to: 40, state: 'asleep' }]),
				lane('pool-1', 'thread', switching)
			],
			beats: [5, 15],
			lags: [
				{ atMs: 10, lagMs: 2 },
				{ atMs: 30, lagMs: 9 }
			],
			handoffs: [
				{ at: 35, from: 'pool-1', to: 'loop', kind: 'threadsafe', what: 'set_result()', woke: true }
			],
			endMs: 40,
			hungAtMs: null
		};
		expect(describeTimeline(t, 40, 'v').description).toBe(
			'Up to 40 ms: loop thread never blocked; pool thread 1 0–40 ms: running 20 ms, waiting for the GIL 20 ms in all; at 35 ms, pool thread 1 to loop thread: set_result(); lag monitor late by 9 ms at 30 ms at worst; heartbeat ran 2 times.'
		);
	});

	it('tells lanes of one kind that did the same together', () => {
		const twins = buildTimeline(
			simulate(
				scenario({ h: [{ op: 'sleep', ms: 50 }] }, [
					['a', 0, 'h'],
					['b', 0, 'h']
				]),
				{ trace: true }
			).trace ?? [],
			50
		);
		expect(describeTimeline(twins, 40, 'v').description).toContain('a, b awaiting');
	});

	it('says nothing has happened before anything has', () => {
		const empty: TimelineModel = {
			lanes: [],
			beats: [],
			lags: [],
			handoffs: [],
			endMs: 10,
			hungAtMs: null
		};
		expect(describeTimeline(empty, 0, 'v').description).toBe(
			'Up to 0 ms: nothing has happened yet.'
		);
	});
});
