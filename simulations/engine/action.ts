/** What a thread's program asks for next; anything instantaneous happens inside `next()`. */
export type Action =
	/** Run Python (needs the GIL, when there is one, and a core) for `ms`. */
	| { kind: 'py'; ms: number; doing: string }
	/** A blocking call that releases the GIL: `time.sleep`, a sync write, a blocking read. */
	| { kind: 'block'; ms: number; doing: string }
	/** Blocked until another part of the engine resumes this thread (lock, Thread.start handshake). */
	| { kind: 'wait'; doing: string }
	/** `selector.select(timeout)`; null waits forever; `atOnce`: it returns without sleeping. */
	| { kind: 'select'; timeoutMs: number | null; atOnce: boolean }
	/** A pool thread with nothing to do (blocked in `work_queue.get()`), or a thread that has exited (`doing` says so). */
	| { kind: 'idle'; doing?: string }
	/** The run has ended (deadlock found): the thread does nothing more. */
	| { kind: 'stop' };
