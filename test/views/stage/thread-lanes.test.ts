import { describe, expect, it } from 'vitest';
import { ARROWS_SHOWN, threadLanes } from '../../../src/views/stage/thread-lanes';
import { laneGeometry, NAMES_ABOVE_BELOW } from '../../../src/views/stage/thread-lanes-geometry';
import { frameWith } from './frame-fixture';

const threads = {
	'pool-1': { state: 'running', doing: 'r1: cpu (50 ms)', kind: 'pool' },
	loop: { state: 'running', doing: null, kind: 'loop' },
	reader: { state: 'blocked', doing: 'reading the pipe', kind: 'reader' },
	'pool-2': { state: 'wantsGil', doing: 'r2: cpu (50 ms)', kind: 'pool' }
} as const;

const handoff = (
	at: number,
	kind: 'threadsafe' | 'unsafe' | 'runCoroutineThreadsafe' | 'resultWait',
	woke: boolean
) => ({
	at,
	from: 'reader',
	to: 'loop',
	kind,
	what: 'fut.set_result',
	woke
});

describe('threadLanes(frame, gil)', () => {
	it('puts the loop first, then reader and pool threads', () => {
		const m = threadLanes(frameWith({ threads }), true);
		expect(m.lanes.map((l) => l.id)).toEqual(['loop', 'reader', 'pool-1', 'pool-2']);
	});

	it('puts the GIL token on its holder and marks who waits for it', () => {
		const m = threadLanes(
			frameWith({ threads, gil: { holder: 'pool-1', waiters: ['pool-2'] } }),
			true
		);
		expect(m.lanes.map((l) => [l.id, l.gil])).toEqual([
			['loop', null],
			['reader', null],
			['pool-1', 'holds'],
			['pool-2', 'waits']
		]);
		expect(m.gil).toBe('held by pool-1; waiting for it: pool-2');
	});

	it('never says "GIL released" of a thread that holds the GIL', () => {
		const held = threadLanes(frameWith({ threads, gil: { holder: 'reader', waiters: [] } }), true);
		expect(held.lanes[1].words).not.toMatch(/GIL released/);
		const free = threadLanes(frameWith({ threads, gil: { holder: 'pool-1', waiters: [] } }), true);
		expect(free.lanes[1].words).toMatch(/GIL released/);
	});

	it('draws a blocked loop as the alarm and a blocked worker as calm', () => {
		const f = frameWith({
			threads: { ...threads, loop: { state: 'blocked', doing: 'r1: time.sleep', kind: 'loop' } },
			loopThread: { state: 'blocked', blockedOn: 'time.sleep(1.0)' }
		});
		const looks = Object.fromEntries(threadLanes(f, true).lanes.map((l) => [l.id, l.look]));
		expect(looks).toEqual({
			loop: 'blocked',
			reader: 'thread-blocked',
			'pool-1': 'running',
			'pool-2': 'gil'
		});
	});

	it('says a stopped loop has stopped, as the loop view does, not that it sleeps in select()', () => {
		const idle = { ...threads, loop: { state: 'selecting', doing: null, kind: 'loop' } } as const;
		const asleep = threadLanes(frameWith({ threads: idle }), true).lanes[0];
		expect([asleep.look, asleep.words]).toEqual(['asleep', 'asleep in select()']);
		const f = frameWith({ threads: idle, loop: { phase: 'stopped' } });
		const done = threadLanes(f, true).lanes[0];
		expect([done.look, done.words]).toEqual(['idle', 'done: the loop has stopped']);
	});

	it('shows no GIL token on a free-threaded build', () => {
		const m = threadLanes(
			frameWith({ threads, gil: { holder: 'pool-1', waiters: ['pool-2'] } }),
			false
		);
		expect(m.lanes.every((l) => l.gil === null)).toBe(true);
		expect(m.gil).toMatch(/^none/);
	});

	it('keeps the latest hand-offs as arrows, oldest first, with their wake-up and age', () => {
		const handoffs = [
			handoff(10, 'unsafe', false),
			handoff(20, 'threadsafe', true),
			handoff(30, 'unsafe', false),
			handoff(40, 'threadsafe', true)
		];
		const m = threadLanes(frameWith({ t: 50, threads, handoffs }), true);
		expect(m.arrows).toHaveLength(ARROWS_SHOWN);
		expect(m.arrows.map((a) => [a.kind, a.wakes, a.ago])).toEqual([
			['threadsafe', true, 30],
			['unsafe', false, 20],
			['threadsafe', true, 10]
		]);
	});

	it('draws no arrow to a thread without a lane', () => {
		const f = frameWith({
			threads,
			handoffs: [{ ...handoff(1, 'threadsafe', true), from: 'ghost' }]
		});
		expect(threadLanes(f, true).arrows).toEqual([]);
	});

	it('says who holds a lock and who waits for it', () => {
		const f = frameWith({
			threads,
			locks: { io_lock: { kind: 'thread', holder: 'loop', waiters: ['pool-1'] } }
		});
		expect(threadLanes(f, true).locks).toEqual([
			{ name: 'threading.Lock io_lock', words: 'held by loop thread; waiting: pool-1' }
		]);
	});
});

describe('laneGeometry(width, lanes, arrows)', () => {
	it('leaves a column per arrow right of the bars', () => {
		const g = laneGeometry(700, 3, 2);
		expect(g.barX + g.barW).toBeLessThan(g.arrowX[0]);
		expect(g.arrowX[1]).toBeLessThan(700);
		expect(g.height).toBe(3 * (g.laneH + 6));
	});

	it('puts the names above the bars on a phone, so a bar gets the whole row', () => {
		const g = laneGeometry(NAMES_ABOVE_BELOW - 1, 2, 0);
		expect(g.barX).toBe(0);
		expect(g.barY).toBeGreaterThan(0);
		expect(g.barW).toBe(NAMES_ABOVE_BELOW - 1);
		expect(g.laneY(1)).toBe(g.barY + g.laneH + 6);
	});
});
