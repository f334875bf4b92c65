import { setup } from 'xstate';

/** The phases of one `BaseEventLoop._run_once` iteration, plus the end of the run. */
export const loopMachine = setup({
	types: {} as {
		events: { type: 'SELECT' } | { type: 'WOKEN' } | { type: 'BATCH' } | { type: 'STOP' };
	}
}).createMachine({
	id: 'loop',
	initial: 'starting',
	states: {
		starting: { on: { SELECT: 'selecting', STOP: 'stopped' } },
		// Waiting in selector.select(timeout) with the GIL released.
		selecting: { on: { WOKEN: 'collecting', STOP: 'stopped' } },
		// Turning I/O events and due timers into ready callbacks.
		collecting: { on: { BATCH: 'running', STOP: 'stopped' } },
		// Running exactly the callbacks that were ready when the batch began.
		running: { on: { SELECT: 'selecting', STOP: 'stopped' } },
		stopped: { type: 'final' }
	}
});

export type LoopPhase = 'starting' | 'selecting' | 'collecting' | 'running' | 'stopped';
export type LoopEvent = 'SELECT' | 'WOKEN' | 'BATCH' | 'STOP';
