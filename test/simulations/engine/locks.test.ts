import { describe, expect, it } from 'vitest';
import { Locks } from '../../../simulations/engine/locks';
import { fakeTask, fakeTaskControl, recorder } from './fakes';

function build() {
	const log: string[] = [];
	const trace = recorder();
	const locks = new Locks(fakeTaskControl(log), trace.emit, (reason) =>
		log.push(`deadlock: ${reason}`)
	);
	return { locks, log, trace };
}

describe('Locks', () => {
	it('acquire() of a free lock lets the task carry on holding it', () => {
		const { locks, trace } = build();
		const a = fakeTask('a');
		expect(locks.acquire(a, 'L', 'asyncio')).toBeUndefined();
		expect(a.held).toEqual([{ lock: 'L', kind: 'asyncio' }]);
		expect(locks.snapshot()).toEqual([{ name: 'L', kind: 'asyncio', holder: 'a', waiters: [] }]);
		expect(trace.lines).toEqual(['lock:L lock']);
	});

	it('a contended asyncio.Lock suspends the waiter; release() hands it over and wakes it', () => {
		const { locks, log } = build();
		const [a, b] = [fakeTask('a'), fakeTask('b')];
		locks.acquire(a, 'L', 'asyncio');
		expect(locks.acquire(b, 'L', 'asyncio')).toBeNull();
		expect(log).toEqual(["suspend b: asyncio.Lock 'L' held by a"]);
		locks.release(a, 'L');
		expect(log.at(-1)).toBe('wake b');
		expect(a.held).toEqual([]);
		expect(locks.snapshot()[0]).toMatchObject({ holder: 'b', waiters: [] });
		locks.release(b, 'L');
		expect(locks.snapshot()[0]).toMatchObject({ holder: null, waiters: [] });
	});

	it('a contended threading.Lock blocks the loop thread and reports a deadlock', () => {
		const { locks, log } = build();
		const [a, b] = [fakeTask('a'), fakeTask('b')];
		locks.acquire(a, 'T', 'thread');
		expect(locks.acquire(b, 'T', 'thread')).toEqual({ kind: 'stop' });
		expect(log[0]).toBe("block b: threading.Lock 'T'");
		expect(log[1]).toMatch(/^deadlock: .*blocked in threading.Lock 'T'.acquire\(\) for b while a/);
	});

	it('release() by a task that does not hold the lock changes nothing', () => {
		const { locks, trace } = build();
		locks.acquire(fakeTask('a'), 'L', 'asyncio');
		locks.release(fakeTask('b'), 'L');
		expect(locks.snapshot()[0].holder).toBe('a');
		expect(trace.lines).toHaveLength(1);
	});
});
