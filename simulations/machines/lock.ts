import { setup } from 'xstate';
import { factEvents, namedActions } from './stepper';

/** What a lock is told; the engine puts the facts a guard needs on the event. */
export type LockEvent =
	/** `lock.acquire()` / `async with lock` from a coroutine on the loop thread. */
	| { type: 'ACQUIRE'; asyncioLock: boolean }
	/** The holder releases it (end of the `with` block, or it raised). */
	| { type: 'RELEASE'; hasWaiters: boolean };

/** The lock machine's events, allocated once (see `createStepper`). */
export const lockEvents = {
	acquire: factEvents<Extract<LockEvent, { type: 'ACQUIRE' }>>('ACQUIRE', ['asyncioLock']),
	release: factEvents<Extract<LockEvent, { type: 'RELEASE' }>>('RELEASE', ['hasWaiters'])
};

const LOCK_ACTIONS = [
	'takeLock',
	'queueWaiter',
	'suspendWaiter',
	'blockLoopThread',
	'reportDeadlock',
	'wakeFirstWaiter',
	'markFree'
] as const;
export type LockAction = (typeof LOCK_ACTIONS)[number];

/**
 * `threading.Lock` and `asyncio.Lock` as coroutines on the loop use them. Contended, an
 * `asyncio.Lock` suspends the task until a release wakes the first waiter, which resumes owning
 * the lock; a `threading.Lock` blocks the whole loop thread while its holder can only continue
 * on that same thread: a deadlock.
 */
export const lockMachine = setup({
	types: {} as { events: LockEvent },
	guards: {
		isAsyncioLock: ({ event }) => event.type === 'ACQUIRE' && event.asyncioLock,
		hasWaiters: ({ event }) => event.type === 'RELEASE' && event.hasWaiters
	},
	actions: namedActions(LOCK_ACTIONS)
}).createMachine({
	id: 'lock',
	initial: 'free',
	states: {
		free: { on: { ACQUIRE: { target: 'held', actions: 'takeLock' } } },
		held: {
			on: {
				ACQUIRE: [
					{ guard: 'isAsyncioLock', actions: ['queueWaiter', 'suspendWaiter'] },
					{ actions: ['blockLoopThread', 'queueWaiter', 'reportDeadlock'] }
				],
				RELEASE: [
					{ guard: 'hasWaiters', target: 'held', actions: 'wakeFirstWaiter' },
					{ target: 'free', actions: 'markFree' }
				]
			}
		}
	}
});

export type LockState = 'free' | 'held';
