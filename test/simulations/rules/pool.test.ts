import { describe, expect, it } from 'vitest';
import { IdleSemaphorePool } from '../../../simulations/rules/pool';

describe('IdleSemaphorePool(maxWorkers, prestarted)', () => {
	it('submit(item) starts a thread while there is no token, up to max_workers, then queues', () => {
		const pool = new IdleSemaphorePool<string, number>(2, []);
		expect(pool.submit('a', 'raise').outcome).toBe('start');
		expect(pool.submit('b', 'raise').outcome).toBe('start');
		expect(pool.submit('c', 'raise').outcome).toBe('queued');
		expect([pool.threads, pool.queued()]).toEqual([2, ['a', 'b', 'c']]);
	});

	it('take(worker) hands out the queue oldest first, then parks the worker as idle', () => {
		const pool = new IdleSemaphorePool<string, number>(1, []);
		pool.submit('a', 'raise');
		pool.submit('b', 'raise');
		expect([pool.take(0), pool.take(0), pool.take(0)]).toEqual(['a', 'b', null]);
		expect(pool.busy).toBe(0);
		expect(pool.submit('c', 'raise')).toEqual({ outcome: 'queued', woken: 0 });
	});

	it('finished() releases a token after every item, so a later submit queues instead of starting', () => {
		const pool = new IdleSemaphorePool<string, number>(4, []);
		pool.submit('a', 'raise');
		pool.take(0);
		pool.finished();
		expect(pool.submit('b', 'raise')).toEqual({ outcome: 'token', woken: null });
		expect(pool.threads).toBe(1);
	});

	it('prestarted threads are idle with a token each; an idle one is woken by submit', () => {
		const pool = new IdleSemaphorePool<string, string>(0, ['t1']);
		expect(pool.submit('a', 'raise')).toEqual({ outcome: 'token', woken: 't1' });
		expect(pool.busy).toBe(1);
	});

	it('with threads: 0 a submit without a token raises or falls back inline, leaving its item queued (F20)', () => {
		const pool = new IdleSemaphorePool<string, string>(0, ['t1']);
		pool.submit('a', 'raise');
		expect(pool.submit('b', 'raise').outcome).toBe('raise');
		expect(pool.submit('c', 'inline').outcome).toBe('inline');
		expect([pool.queued(), pool.runnable()]).toEqual([['a', 'b', 'c'], 3]);
	});

	it('runnable() is 0 while no thread exists to run the queue', () => {
		const pool = new IdleSemaphorePool<string, string>(0, []);
		pool.submit('a', 'inline');
		expect([pool.queued().length, pool.runnable()]).toEqual([1, 0]);
	});
});
