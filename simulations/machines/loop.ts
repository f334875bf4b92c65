import { setup } from 'xstate';
import { factEvents, namedActions, plainEvents } from './stepper';

/** What the loop machine is told; the engine puts the facts a guard needs on the event. */
export type LoopEvent =
	/** The loop thread asks what to do next: the current callback (if any) has returned. */
	| { type: 'NEXT'; batchHasCallbacksLeft: boolean }
	/** select() was called and the loop thread has released the GIL in it. */
	| { type: 'IN_SELECT'; ioAlreadyReady: boolean; zeroTimeout: boolean; timerPending: boolean }
	/** A watched file descriptor (a socket, a pipe, the self-pipe) became ready. */
	| { type: 'IO_READY' }
	/** select()'s timeout ran out. */
	| { type: 'SELECT_TIMEOUT' }
	/** The run is over. */
	| { type: 'STOP' };

/** The loop machine's events, allocated once (see `createStepper`). */
export const loopEvents = {
	next: factEvents<Extract<LoopEvent, { type: 'NEXT' }>>('NEXT', ['batchHasCallbacksLeft']),
	inSelect: factEvents<Extract<LoopEvent, { type: 'IN_SELECT' }>>('IN_SELECT', [
		'ioAlreadyReady',
		'zeroTimeout',
		'timerPending'
	]),
	...plainEvents(['IO_READY', 'SELECT_TIMEOUT', 'STOP'])
};

const LOOP_ACTIONS = [
	'computeTimeout',
	'select',
	'returnFromSelect',
	'armSelectTimeout',
	'fallAsleep',
	'processIoEvents',
	'appendDueTimersToReady',
	'startBatch',
	'runNextReadyCallback',
	'cancelSelectTimeout'
] as const;
export type LoopAction = (typeof LOOP_ACTIONS)[number];

const iterate = { target: 'selecting', actions: ['computeTimeout', 'select'] } as const;
const wake = (reason: 'io' | 'poll' | 'timeout') =>
	({
		target: 'collecting',
		actions: [{ type: 'returnFromSelect', params: { reason } }]
	}) as const;
const stop = { target: 'stopped', actions: 'cancelSelectTimeout' } as const;

/**
 * `BaseEventLoop._run_once`, one iteration after another: compute the timeout (0 if anything is
 * ready, else until the next timer, else forever), select, process the I/O events, append the
 * due timers at the END of the ready queue, then run exactly the callbacks that were ready when
 * the batch began. Each phase is announced by one trace event (`meta.announcedBy`), from which
 * frames read the phase.
 */
export const loopMachine = setup({
	types: {} as { events: LoopEvent },
	guards: {
		batchHasCallbacksLeft: ({ event }) => event.type === 'NEXT' && event.batchHasCallbacksLeft,
		ioAlreadyReady: ({ event }) => event.type === 'IN_SELECT' && event.ioAlreadyReady,
		zeroTimeout: ({ event }) => event.type === 'IN_SELECT' && event.zeroTimeout,
		timerPending: ({ event }) => event.type === 'IN_SELECT' && event.timerPending
	},
	actions: namedActions(LOOP_ACTIONS)
}).createMachine({
	id: 'loop',
	initial: 'starting',
	states: {
		starting: { on: { NEXT: iterate, IO_READY: {}, STOP: stop } },
		// In selector.select(timeout) with the GIL released.
		selecting: {
			meta: { announcedBy: 'select' },
			on: {
				IN_SELECT: [
					{ guard: 'ioAlreadyReady', ...wake('io') },
					{ guard: 'zeroTimeout', ...wake('poll') },
					{ guard: 'timerPending', actions: ['armSelectTimeout', 'fallAsleep'] },
					{ actions: 'fallAsleep' }
				],
				IO_READY: wake('io'),
				SELECT_TIMEOUT: wake('timeout'),
				STOP: stop
			}
		},
		// select() returned: the loop thread turns I/O events and due timers into ready callbacks.
		collecting: {
			meta: { announcedBy: 'wake' },
			on: {
				NEXT: {
					target: 'running',
					actions: ['processIoEvents', 'appendDueTimersToReady', 'startBatch']
				},
				// Reported by the next select().
				IO_READY: {},
				STOP: stop
			}
		},
		// Running exactly the callbacks that were ready when the batch began.
		running: {
			meta: { announcedBy: 'batch' },
			on: {
				NEXT: [{ guard: 'batchHasCallbacksLeft', actions: 'runNextReadyCallback' }, iterate],
				IO_READY: {},
				STOP: stop
			}
		},
		stopped: { meta: { announcedBy: 'end' }, type: 'final' }
	}
});

export type LoopPhase = 'starting' | 'selecting' | 'collecting' | 'running' | 'stopped';

/** The loop phase each announcing trace event type enters, read from the machine. */
export const phaseAnnouncedBy: Readonly<Record<string, LoopPhase>> = Object.fromEntries(
	Object.entries(loopMachine.states).flatMap(([phase, node]) => {
		const by = (node.meta as { announcedBy?: string } | undefined)?.announcedBy;
		return by ? [[by, phase as LoopPhase]] : [];
	})
);
