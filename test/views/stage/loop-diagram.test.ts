import { describe, expect, it } from 'vitest';
import { loopDiagram, queueWords, selectorWords } from '../../../src/views/stage/loop-diagram';
import { frameWith } from './frame-fixture';

const timers = [
	{ id: 1, at: 100, cb: 'heartbeat' },
	{ id: 2, at: 150, cb: 'lag probe' },
	{ id: 3, at: 400, cb: 'r2 sleep' }
];

describe('loopDiagram(frame)', () => {
	it.each([
		['select', { phase: 'selecting' }, 'select', ['select']],
		['collecting', { phase: 'collecting' }, 'callback', ['io', 'timers']],
		['running', { phase: 'running' }, 'callback', ['batch']],
		['blocked in a callback', { phase: 'running' }, 'blocked', ['batch']],
		['stopped', { phase: 'stopped' }, 'select', []]
	] as const)('lights the step of the cycle: %s', (_, loop, state, lit) => {
		const f = frameWith({ loop, loopThread: { state, blockedOn: null } });
		expect(loopDiagram(f).lit).toEqual(lit);
	});

	it('follows the loop thread over the phase: a thread in select() lights select()', () => {
		const f = frameWith({
			loop: { phase: 'running' },
			loopThread: { state: 'select', blockedOn: null }
		});
		expect(loopDiagram(f).lit).toEqual(['select']);
	});

	it('splits the ready queue at loop.batch: the rest arrived during the batch', () => {
		const f = frameWith({
			loop: { phase: 'running', ready: ['r2 step', 'r3 step', 'heartbeat', 'r2 step'], batch: 2 },
			loopThread: { state: 'callback', blockedOn: null }
		});
		const d = loopDiagram(f);
		expect(d.queue.map((e) => e.later)).toEqual([false, false, true, true]);
		expect(d.queue.map((e) => e.key)).toEqual([
			'r2 step#1',
			'r3 step#1',
			'heartbeat#1',
			'r2 step#2'
		]);
		expect(queueWords(d)).toBe('batch: 2 left, 2 next time');
	});

	it('never counts more of the batch than the queue holds', () => {
		const f = frameWith({ loop: { phase: 'running', ready: ['a'], batch: 3 } });
		expect(loopDiagram(f).batchSize).toBe(1);
	});

	it('marks timers due at or before frame.t, with how late they are', () => {
		const f = frameWith({
			t: 150,
			loop: { phase: 'running', timers, running: 'r1 step' },
			loopThread: { state: 'blocked', blockedOn: 'time.sleep(1.0)' }
		});
		const d = loopDiagram(f);
		expect(d.timers.map((x) => x.late)).toEqual([50, 0, null]);
		expect(d.running).toEqual({ cb: 'r1 step', blockedOn: 'time.sleep(1.0)', waitsForGil: false });
	});

	it('tells a loop thread waiting for the GIL from one blocked in a call', () => {
		const f = frameWith({
			loop: { phase: 'collecting' },
			threads: { loop: { state: 'wantsGil', doing: null, kind: 'loop' } },
			loopThread: { state: 'blocked', blockedOn: 'the GIL' }
		});
		expect(loopDiagram(f).running).toEqual({ cb: null, blockedOn: 'the GIL', waitsForGil: true });
	});

	it('draws no running callback while the loop thread sleeps in select()', () => {
		const f = frameWith({ loop: { phase: 'selecting', timeoutMs: 90, running: null } });
		expect(loopDiagram(f).running).toBeNull();
		expect(loopDiagram(f).selector.asleep).toBe(true);
	});

	it('names the diagram "Event loop: …" with the state in words', () => {
		const f = frameWith({
			t: 150,
			unread: ['r4'],
			loop: {
				phase: 'running',
				running: 'r1 step',
				ready: ['r2 step', 'r3 step', 'x'],
				timers: timers.slice(0, 2)
			},
			loopThread: { state: 'blocked', blockedOn: 'time.sleep(1.0)' }
		});
		expect(loopDiagram(f).label).toBe(
			'Event loop: blocked: time.sleep(1.0); 3 callbacks ready, 2 timers, 2 overdue, 1 unread request'
		);
	});
});

describe('selectorWords(frame)', () => {
	it.each([
		[null, 'waits for I/O (no timer)'],
		[0, 'polling (timeout 0)'],
		[90, 'asleep in select() for up to 90 ms']
	])('timeout %s: %s', (timeoutMs, words) => {
		expect(selectorWords(frameWith({ loop: { phase: 'selecting', timeoutMs } }))).toBe(words);
	});

	it('says the selector is not watched while the loop thread runs a callback', () => {
		const f = frameWith({
			loop: { phase: 'running' },
			loopThread: { state: 'callback', blockedOn: null }
		});
		expect(selectorWords(f)).toBe('not watched: the loop is busy');
	});
});
