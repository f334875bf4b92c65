import { setup } from 'xstate';

/**
 * An OS thread as CPython sees it: it runs Python only while it holds the GIL (when there is one);
 * blocking calls, `select()` and lock waits release it.
 */
export const threadMachine = setup({
	types: {} as {
		events:
			| { type: 'WANT_GIL' }
			| { type: 'RUN' }
			| { type: 'PREEMPT' }
			| { type: 'BLOCK' }
			| { type: 'SELECT' }
			| { type: 'IDLE' };
	}
}).createMachine({
	id: 'thread',
	initial: 'idle',
	states: {
		idle: { on: { WANT_GIL: 'wantsGil' } },
		wantsGil: { on: { RUN: 'running' } },
		running: {
			on: {
				RUN: 'running',
				PREEMPT: 'wantsGil',
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
export type ThreadEvent = 'WANT_GIL' | 'RUN' | 'PREEMPT' | 'BLOCK' | 'SELECT' | 'IDLE';
