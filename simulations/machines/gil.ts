import { setup } from 'xstate';
import { factEvents, namedActions } from './stepper';

/** What the GIL machine is told; the engine puts the facts a guard needs on the event. */
export type GilEvent =
	/** A thread wants to run Python (`take_gil`). */
	| { type: 'WANT_GIL' }
	/**
	 * The holder releases it: a blocking call, select() or the end of its work (`drop_gil`);
	 * `returnsAtOnce`: the call comes straight back (a select() that does not sleep).
	 */
	| { type: 'RELEASE'; hasWaiters: boolean; returnsAtOnce: boolean }
	/** A waiter's timed wait of `sys.getswitchinterval()` ran out without a switch. */
	| { type: 'SWITCH_INTERVAL_ELAPSED'; hasWaiters: boolean }
	/** The holder reaches a bytecode boundary, where it checks `eval_breaker`. */
	| { type: 'BYTECODE_BOUNDARY'; hasWaiters: boolean };

type Fact<T extends GilEvent['type']> = Extract<GilEvent, { type: T }>;

/** The GIL machine's events, allocated once (see `createStepper`). */
export const gilEvents = {
	wantGil: { type: 'WANT_GIL' } as GilEvent,
	release: factEvents<Fact<'RELEASE'>>('RELEASE', ['hasWaiters', 'returnsAtOnce']),
	switchIntervalElapsed: factEvents<Fact<'SWITCH_INTERVAL_ELAPSED'>>('SWITCH_INTERVAL_ELAPSED', [
		'hasWaiters'
	]),
	bytecodeBoundary: factEvents<Fact<'BYTECODE_BOUNDARY'>>('BYTECODE_BOUNDARY', ['hasWaiters'])
};

const GIL_ACTIONS = [
	'takeGil',
	'queueWaiter',
	'handOverToFirstWaiter',
	'freeGil',
	'dropGilRequest',
	'yieldToFirstWaiter'
] as const;
export type GilAction = (typeof GIL_ACTIONS)[number];

/** What a held GIL does whether or not a drop is requested. */
const whileHeld = {
	WANT_GIL: { actions: 'queueWaiter' },
	RELEASE: [
		{ guard: 'hasWaiters', target: 'held', actions: 'handOverToFirstWaiter' },
		{ target: 'free', actions: 'freeGil' }
	],
	// A waiter's timed wait ran out (again, if a new waiter re-armed it): the request stands.
	SWITCH_INTERVAL_ELAPSED: {
		guard: 'switchIntervalElapsedWithWaiters',
		target: 'dropRequested',
		actions: 'dropGilRequest'
	}
} as const;

const hasWaiters = ({ event }: { event: GilEvent }) => 'hasWaiters' in event && event.hasWaiters;
const returnsAtOnce = ({ event }: { event: GilEvent }) =>
	event.type === 'RELEASE' && event.returnsAtOnce;

/**
 * CPython's GIL (`Python/ceval_gil.c`). Free, or held; a waiter that has waited the switch
 * interval sets `gil_drop_request`, and the holder, at its next bytecode boundary, drops the GIL
 * and the first waiter takes it (FIFO hand-over). A release around a call that returns at once
 * hands nothing over unless a drop is requested: the waiters are only signalled, and the releasing
 * thread takes the GIL straight back (F36). Which thread holds it and who waits is data the owning
 * part (`engine/cpu.ts`) keeps; this machine decides what happens to them.
 */
export const gilMachine = setup({
	types: {} as { events: GilEvent },
	guards: {
		switchIntervalElapsedWithWaiters: hasWaiters,
		dropRequestedWithWaiters: hasWaiters,
		hasWaiters,
		returnsAtOnce
	},
	actions: namedActions(GIL_ACTIONS)
}).createMachine({
	id: 'gil',
	initial: 'free',
	states: {
		free: { on: { WANT_GIL: { target: 'held', actions: 'takeGil' } } },
		held: {
			on: {
				...whileHeld,
				// No drop request: a call that returns at once gets the GIL straight back (the waiters'
				// timed waits restart, as the switch number moved on), so it is freed without a hand-over.
				RELEASE: [
					{ guard: 'returnsAtOnce', target: 'free', actions: 'freeGil' },
					...whileHeld.RELEASE
				],
				// No drop request: the holder carries on.
				BYTECODE_BOUNDARY: {}
			}
		},
		// Held, with `gil_drop_request` set: the holder yields at its next bytecode boundary.
		dropRequested: {
			on: {
				...whileHeld,
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
