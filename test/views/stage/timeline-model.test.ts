import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/index';
import type { TraceEvent } from '../../../simulations/index';
import { buildTimeline, threadLabel } from '../../../src/views/stage/timeline-model';
import { scenario } from '../../simulations/build';

describe('buildTimeline(trace, endMs)', () => {
	it('shows a blocked request as blocked, the next one queued until the loop is free', () => {
		const r = simulate(
			scenario({ h: [{ op: 'block', ms: 100 }] }, [
				['a', 0, 'h'],
				['b', 10, 'h']
			]),
			{ trace: true }
		);
		const t = buildTimeline(r.trace ?? [], r.endMs);
		const lane = (id: string) => t.lanes.find((l) => l.id === id)?.segments;
		expect(lane('a')).toEqual([{ from: 0, to: 100, state: 'blocked' }]);
		expect(lane('b')).toEqual([
			{ from: 10, to: 100, state: 'queued' },
			{ from: 100, to: 200, state: 'blocked' }
		]);
		expect(lane('loop')?.map((s) => s.state)).toEqual(['blocked', 'blocked']);
	});

	it('draws a hung run on past the hang, every lane in the state it was left in', () => {
		const r = simulate(
			scenario(
				{ h: [{ op: 'lock', name: 'L', kind: 'thread', steps: [{ op: 'sleep', ms: 10 }] }] },
				[
					['a', 0, 'h'],
					['b', 0, 'h']
				]
			),
			{ trace: true }
		);
		expect(r.outcome).toBe('hung');
		const t = buildTimeline(r.trace ?? [], r.endMs, r.hung?.atMs ?? null);
		expect(t.hungAtMs).toBe(0);
		expect(t.endMs).toBe(100);
		const last = (id: string) => t.lanes.find((l) => l.id === id)?.segments.at(-1);
		expect(last('loop')).toEqual({ from: 0, to: 100, state: 'blocked' });
		expect(last('a')).toEqual({ from: 0, to: 100, state: 'awaiting' });
		expect(last('b')).toEqual({ from: 0, to: 100, state: 'blocked' });
	});

	it('shows awaiting while the loop sleeps, pool threads as lanes, and GIL waits', () => {
		const r = simulate(
			scenario({ h: [{ op: 'offload', ms: 20, work: 'cpu', noThread: 'raise' }] }, [
				['a', 0, 'h'],
				['b', 0, 'h']
			]),
			{ trace: true }
		);
		const t = buildTimeline(r.trace ?? [], r.endMs);
		expect(t.lanes.map((l) => l.label)).toEqual([
			'loop thread',
			'pool thread 1',
			'pool thread 2',
			'a',
			'b'
		]);
		expect(t.lanes.find((l) => l.id === 'a')?.segments.some((s) => s.state === 'awaiting')).toBe(
			true
		);
		expect(t.lanes.find((l) => l.id === 'pool-2')?.segments.map((s) => s.state)).toContain('gil');
		// The select event puts the loop thread to sleep while the pool works.
		expect(t.lanes[0].segments.map((s) => s.state)).toContain('asleep');
	});

	it('collects heartbeats and lag samples', () => {
		const r = simulate(
			scenario({ h: [{ op: 'block', ms: 300 }] }, [['a', 0, 'h']], {}, [
				{ kind: 'heartbeat', everyMs: 100, startMs: -50 },
				{ kind: 'lagMonitor', everyMs: 100, startMs: -50 }
			]),
			{ trace: true }
		);
		const t = buildTimeline(r.trace ?? [], r.endMs);
		expect(t.beats).toEqual(r.heartbeats);
		expect(t.lags).toEqual(r.lag);
	});

	it("draws another thread's blocking as calm, the loop's as the alarm, and the trace's hand-offs", () => {
		const ev = (t: number, actor: string, body: object) =>
			({ t, seq: 0, actor, ...body }) as TraceEvent;
		const trace = [
			ev(0, 'loop', { type: 'thread', detail: { state: 'selecting', doing: null, kind: 'loop' } }),
			ev(0, 'reader', {
				type: 'thread',
				detail: { state: 'blocked', doing: 'os.read()', kind: 'reader' }
			}),
			ev(40, 'reader', {
				type: 'thread',
				detail: { state: 'running', doing: null, kind: 'reader' }
			}),
			ev(40, 'reader', {
				type: 'handoff',
				detail: {
					from: 'reader',
					to: 'loop',
					kind: 'unsafe',
					what: 'fut.set_result(1)',
					woke: false
				}
			}),
			ev(50, 'loop', {
				type: 'thread',
				detail: { state: 'blocked', doing: 'acquire()', kind: 'loop' }
			})
		];
		const t = buildTimeline(trace, 100);
		const lane = (id: string) => t.lanes.find((l) => l.id === id);
		expect(lane('reader')).toMatchObject({
			kind: 'thread',
			thread: 'reader',
			label: 'reader thread'
		});
		expect(lane('reader')?.segments.map((s) => s.state)).toEqual(['thread-blocked', 'running']);
		expect(lane('loop')?.segments.map((s) => s.state)).toEqual(['asleep', 'blocked']);
		expect(t.handoffs).toEqual([
			{ at: 40, from: 'reader', to: 'loop', kind: 'unsafe', what: 'fut.set_result(1)', woke: false }
		]);
	});
});

describe('threadLabel(id, kind)', () => {
	it('names threads the way a learner reads them', () => {
		expect(threadLabel('pool-1', 'pool')).toBe('pool thread 1');
		expect(threadLabel('reader', 'reader')).toBe('reader thread');
		expect(threadLabel('host-2', 'host')).toBe('host thread 2');
	});
});
