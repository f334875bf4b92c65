import { describe, expect, it } from 'vitest';
import { createFramer, simulate, type TraceEvent } from '../../simulations/index';
import { scenario } from './build';

const crowd = (n: number) =>
	Array.from({ length: n }, (_, i): [string, number, string] => [`r${i + 1}`, 0, 'h']);

/** Names the lock, GIL and pool events carry: each waiter joins once and leaves once. */
const namesCarried = (trace: TraceEvent[]) =>
	trace.reduce(
		(sum, e) =>
			e.type === 'gil' || e.type === 'lock' || e.type === 'pool'
				? sum + e.detail.joined.length + e.detail.left.length
				: sum,
		0
	);

describe('lock, GIL and pool events carry who joined and left, not the whole list', () => {
	const n = 1500;
	// Every request takes one asyncio.Lock, then offloads to a pool of one thread.
	const s = scenario(
		{
			h: [
				{ op: 'lock', name: 'l', kind: 'asyncio', steps: [{ op: 'sleep', ms: 1 }] },
				{ op: 'offload', ms: 1, work: 'cpu', noThread: 'raise' }
			]
		},
		crowd(n),
		{ threads: 1 }
	);
	const trace = simulate(s, { trace: true }).trace ?? [];

	it('so the trace is linear in the waiters: each request joins and leaves three queues', () => {
		// The lock's waiters, the pool's work queue, and the GIL's (the loop and the pool thread).
		expect(namesCarried(trace)).toBeLessThanOrEqual(3 * 2 * n);
	});

	it('and the frame rebuilds the lists: all but the holder wait on the lock at once', () => {
		const framer = createFramer(trace);
		const crowded = trace.findIndex(
			(e, i) => e.type === 'lock' && framer.at(i + 1).locks.l.waiters.length === n - 1
		);
		expect(crowded).toBeGreaterThan(0);
		const f = framer.at(crowded + 1);
		expect(f.locks.l.waiters.slice(0, 2)).toEqual(['r2', 'r3']);
		expect(framer.at(trace.length).locks.l).toEqual({ kind: 'asyncio', holder: null, waiters: [] });
		expect(framer.at(trace.length).pool.queue).toEqual([]);
	});
});
