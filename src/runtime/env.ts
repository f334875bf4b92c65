/** What the real runtime needs from its host: a clock, timers, and ways to spend or block time. */
export interface RuntimeEnv {
	/** Milliseconds since the run started. */
	now(): number;
	/** A real timer on the host's event loop. */
	after(ms: number, fn: () => void): void;
	/** Pure-Python CPU work: a busy loop on the calling thread, holding the real GIL when there is one. */
	busy(ms: number): void;
	/** The loop thread resumes Python (a callback starts): it must win the GIL first, if there is one. */
	enter(): void;
	/** A blocking call: a real blocked thread where shared memory allows, else a busy loop. */
	block(ms: number): void;
	/**
	 * Runs work on a real pool worker and resolves on this loop when it is done. `finished` runs
	 * first, as soon as the host learns the worker is done: CPython's worker thread does its pool
	 * bookkeeping itself, even while the loop thread is blocked.
	 */
	offload(work: 'cpu' | 'block', ms: number, finished: () => void): Promise<void>;
	/** Called as the run progresses (requests ended so far). */
	progress(done: number, total: number): void;
	/** Sends a JSON-RPC request; `deliver(id)` runs on this loop when (and if) the response reaches it. */
	rpcSend(
		id: number,
		ms: number,
		handoff: 'selector' | 'threadsafe' | 'unsafe',
		deliver: (id: number) => void
	): void;
	/** Blocks this thread for good (a real deadlock), leaving `why` for the report. */
	blockForever(why: string): never;
}

/** How faithfully this browser can run scenarios for real. */
export interface Capabilities {
	/** SharedArrayBuffer and Atomics.wait are available (cross-origin isolated page). */
	isolated: boolean;
	/** How `block` steps run: a truly blocked thread, or a busy loop standing in for one. */
	block: 'atomics' | 'busy';
	/** A real GIL shared by the workers can be used (it needs shared memory). */
	gil: boolean;
}
