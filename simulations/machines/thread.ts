import { setup } from 'xstate';

/** What happens to an OS thread. */
export type ThreadEvent =
	/** It has Python to run (woken, started, or asked to drop the GIL): it needs the GIL. */
	| { type: 'WANT_GIL' }
	/** It got the GIL (or, free-threaded, a core) and runs Python. */
	| { type: 'RUN' }
	/** It honours a drop request: it gives the GIL to the first waiter and queues again. */
	| { type: 'YIELD_GIL' }
	/** A blocking call that releases the GIL: `time.sleep`, a lock wait, I/O. */
	| { type: 'BLOCK' }
	/** The loop thread enters `selector.select()`, releasing the GIL. */
	| { type: 'SELECT' }
	/** A pool thread waits in `work_queue.get()`. */
	| { type: 'IDLE' };

/**
 * An OS thread as CPython sees it: it runs Python only while it holds the GIL (when there is one);
 * blocking calls, `select()` and waits for work release it.
 */
export const threadMachine = setup({ types: {} as { events: ThreadEvent } }).createMachine({
	id: 'thread',
	initial: 'idle',
	states: {
		idle: { on: { WANT_GIL: 'wantsGil' } },
		wantsGil: { on: { RUN: 'running' } },
		running: {
			on: {
				RUN: 'running',
				YIELD_GIL: 'wantsGil',
				BLOCK: 'blocked',
				SELECT: 'selecting',
				IDLE: 'idle'
			}
		},
		blocked: { on: { WANT_GIL: 'wantsGil' } },
		selecting: { on: { WANT_GIL: 'wantsGil' } }
	}
});

export type ThreadState = 'idle' | 'wantsGil' | 'running' | 'blocked' | 'selecting';
