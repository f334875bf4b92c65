import { setup } from 'xstate';

/** What happens to an asyncio Task. */
export type TaskEvent =
	/** Its step is scheduled with call_soon: `create_task`, or a future it awaits is done. */
	| { type: 'SCHEDULE' }
	/** The loop runs its step: the coroutine resumes. */
	| { type: 'RUN_STEP' }
	/** It awaits a future that is not done: the step returns. */
	| { type: 'AWAIT' }
	/** `await asyncio.sleep(0)`: it yields and its next step is already scheduled. */
	| { type: 'YIELD' }
	/** A call inside the step blocks the loop thread (a lock, `Thread.start()`, `Future.result()`). */
	| { type: 'BLOCK_LOOP_THREAD' }
	/** The coroutine returns. */
	| { type: 'RETURN' }
	/** The coroutine raises. */
	| { type: 'RAISE' };

/**
 * An asyncio Task's life: created, ready (its step in the ready queue), running (its step runs
 * on the loop thread), waiting (suspended at an await), then done or failed. The states are the
 * ones frames show; `pending` is never reported (a task appears once it is scheduled or waits).
 */
export const taskMachine = setup({ types: {} as { events: TaskEvent } }).createMachine({
	id: 'task',
	initial: 'pending',
	states: {
		pending: { on: { SCHEDULE: 'ready', AWAIT: 'waiting' } },
		ready: { on: { RUN_STEP: 'running' } },
		running: {
			on: {
				AWAIT: 'waiting',
				YIELD: 'ready',
				BLOCK_LOOP_THREAD: 'running',
				RETURN: 'done',
				RAISE: 'failed'
			}
		},
		// A future's done callback schedules the step; a failed wake-up only relabels the wait.
		waiting: { on: { SCHEDULE: 'ready', AWAIT: 'waiting' } },
		done: { type: 'final' },
		failed: { type: 'final' }
	}
});

export type TaskLife = 'pending' | 'ready' | 'running' | 'waiting' | 'done' | 'failed';
