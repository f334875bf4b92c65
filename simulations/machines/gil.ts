import { setup } from 'xstate';

/** What the GIL machine is told; the engine puts the facts a guard needs on the event. */
export type GilEvent =
	/** A thread wants to run Python (`take_gil`). */
	| { type: 'WANT_GIL' }
	/** The holder releases it: a blocking call, select() or the end of its work (`drop_gil`). */
	| { type: 'RELEASE'; hasWaiters: boolean }
	/** A waiter's timed wait of `sys.getswitchinterval()` ran out without a switch. */
	| { type: 'SWITCH_INTERVAL_ELAPSED'; hasWaiters: boolean }
	/** The holder reaches a bytecode boundary, where it checks `eval_breaker`. */
	| { type: 'BYTECODE_BOUNDARY'; hasWaiters: boolean };

export type GilAction =
	| 'takeGil'
	| 'queueWaiter'
	| 'handOverToFirstWaiter'
	| 'freeGil'
	| 'dropGilRequest'
	| 'yieldToFirstWaiter';

const hasWaiters = ({ event }: { event: GilEvent }) => 'hasWaiters' in event && event.hasWaiters;

/**
 * CPython's GIL (`Python/ceval_gil.c`). Free, or held; a waiter that has waited the switch
 * interval sets `gil_drop_request`, and the holder, at its next bytecode boundary, drops the GIL
 * and the first waiter takes it (FIFO hand-over). Which thread holds it and who waits is data the
 * owning part (`engine/cpu.ts`) keeps; this machine decides what happens to them.
 */
export const gilMachine = setup({
	types: {} as { events: GilEvent },
	guards: {
		switchIntervalElapsedWithWaiters: hasWaiters,
		dropRequestedWithWaiters: hasWaiters,
		hasWaiters
	},
	actions: {
		takeGil: () => {},
		queueWaiter: () => {},
		handOverToFirstWaiter: () => {},
		freeGil: () => {},
		dropGilRequest: () => {},
		yieldToFirstWaiter: () => {}
	}
}).createMachine({
	id: 'gil',
	initial: 'free',
	states: {
		free: { on: { WANT_GIL: { target: 'held', actions: 'takeGil' } } },
		held: {
			on: {
				WANT_GIL: { actions: 'queueWaiter' },
				RELEASE: [
					{ guard: 'hasWaiters', target: 'held', actions: 'handOverToFirstWaiter' },
					{ target: 'free', actions: 'freeGil' }
				],
				SWITCH_INTERVAL_ELAPSED: {
					guard: 'switchIntervalElapsedWithWaiters',
					target: 'dropRequested',
					actions: 'dropGilRequest'
				},
				// No drop request: the holder carries on.
				BYTECODE_BOUNDARY: {}
			}
		},
		// Held, with `gil_drop_request` set: the holder yields at its next bytecode boundary.
		dropRequested: {
			on: {
				WANT_GIL: { actions: 'queueWaiter' },
				RELEASE: [
					{ guard: 'hasWaiters', target: 'held', actions: 'handOverToFirstWaiter' },
					{ target: 'free', actions: 'freeGil' }
				],
				// Re-armed by a new waiter: the request stands and is honoured again if it can be.
				SWITCH_INTERVAL_ELAPSED: {
					guard: 'switchIntervalElapsedWithWaiters',
					target: 'dropRequested',
					actions: 'dropGilRequest'
				},
				BYTECODE_BOUNDARY: {
					guard: 'dropRequestedWithWaiters',
					target: 'held',
					actions: 'yieldToFirstWaiter'
				}
			}
		}
	}
});

export type GilState = 'free' | 'held' | 'dropRequested';
