import { describe, expect, it } from 'vitest';
import { lockMachine } from '../../../simulations/machines';
import { step } from './step';

describe('lockMachine', () => {
	it('free + ACQUIRE: the task takes the lock, whichever kind', () => {
		expect(step(lockMachine, 'free', { type: 'ACQUIRE', asyncioLock: true })).toEqual([
			'held',
			['takeLock']
		]);
		expect(step(lockMachine, 'free', { type: 'ACQUIRE', asyncioLock: false })).toEqual([
			'held',
			['takeLock']
		]);
	});

	it('held + ACQUIRE of an asyncio.Lock: the task queues and suspends, the loop stays free', () => {
		expect(step(lockMachine, 'held', { type: 'ACQUIRE', asyncioLock: true })).toEqual([
			'held',
			['queueWaiter', 'suspendWaiter']
		]);
	});

	it('held + ACQUIRE of a threading.Lock: the loop thread blocks and the run deadlocks', () => {
		expect(step(lockMachine, 'held', { type: 'ACQUIRE', asyncioLock: false })).toEqual([
			'held',
			['blockLoopThread', 'queueWaiter', 'reportDeadlock']
		]);
	});

	it('held + RELEASE wakes the first waiter, who owns it, or frees the lock', () => {
		expect(step(lockMachine, 'held', { type: 'RELEASE', hasWaiters: true })).toEqual([
			'held',
			['wakeFirstWaiter']
		]);
		expect(step(lockMachine, 'held', { type: 'RELEASE', hasWaiters: false })).toEqual([
			'free',
			['markFree']
		]);
	});
});
