import type { NoThread, Runtime } from '../scenario/types';

/**
 * Whether the host lets a new thread start at `nowMs`: never with `threads: 0`, and not before
 * `threadsRefusedUntilMs` (a thread limit that frees up later, F20).
 */
export function threadsMayStart(runtime: Runtime, nowMs: number): boolean {
	return runtime.threads > 0 && nowMs >= (runtime.threadsRefusedUntilMs ?? 0);
}

/**
 * What `ThreadPoolExecutor.submit()` did with a work item: `token` (an `_idle_semaphore` token was
 * taken, so some worker will take the item), `start` (no token: the caller starts a new thread,
 * which takes the head of the queue), `queued` (no token and max_workers threads exist), or, when
 * no thread can start at all, `raise` (`RuntimeError` raised synchronously) or `inline` (the
 * caller's fallback runs the work on its own thread). After `raise` and `inline` the item stays
 * queued (F20): a pool thread runs it again if one ever frees up, and nobody awaits that run.
 */
export type SubmitOutcome = 'token' | 'start' | 'queued' | 'raise' | 'inline';

/** A submit's decision, and the idle worker it woke (blocked in `work_queue.get()`), if any. */
export interface Submitted<W> {
	outcome: SubmitOutcome;
	woken: W | null;
}

/**
 * The default executor's bookkeeping as CPython keeps it, with no clock and no threads of its own:
 * both engines drive it. `submit()` queues the item first and wakes an idle worker; a thread
 * starts only when `_idle_semaphore` has no token. `finished()` releases a token after every work
 * item, an orphaned second run included, so a submit may find a token while every thread is busy.
 */
export class IdleSemaphorePool<T, W> {
	private items: T[] = [];
	private head = 0;
	private idle: W[];
	private tokens: number;
	/** Threads that exist (pre-started ones included). */
	threads: number;

	/** `prestarted` threads each ran one item already: they are idle and left a token each. */
	constructor(
		private maxWorkers: number,
		prestarted: W[]
	) {
		this.idle = [...prestarted];
		this.tokens = prestarted.length;
		this.threads = prestarted.length;
	}

	/**
	 * `submit(fn)`: queue the item, wake an idle worker, then take a token or start a thread;
	 * `mayStart` false = the host refuses new threads now (`Thread.start` raises).
	 */
	submit(item: T, noThread: NoThread, mayStart = true): Submitted<W> {
		this.items.push(item);
		const woken = this.idle.shift() ?? null;
		if (this.tokens > 0) {
			this.tokens--;
			return { outcome: 'token', woken };
		}
		if (this.maxWorkers > 0 && this.threads >= this.maxWorkers) return { outcome: 'queued', woken };
		if (this.maxWorkers > 0 && mayStart) {
			this.threads++;
			return { outcome: 'start', woken };
		}
		return { outcome: noThread === 'raise' ? 'raise' : 'inline', woken };
	}

	/** `work_queue.get()` in a worker: the head of the queue, or null when the worker goes idle. */
	take(worker: W): T | null {
		if (this.head === this.items.length) {
			this.idle.push(worker);
			return null;
		}
		const item = this.items[this.head++];
		if (this.head === this.items.length) {
			this.items = [];
			this.head = 0;
		}
		return item;
	}

	/** A worker finished an item: `_idle_semaphore.release()`. */
	finished(): void {
		this.tokens++;
	}

	/** Threads that are not idle: starting, working, or about to take the next item. */
	get busy(): number {
		return this.threads - this.idle.length;
	}

	/** Items waiting in the work queue, oldest first. */
	queued(): T[] {
		return this.items.slice(this.head);
	}

	/** Queued items that some thread may still run (none while no thread exists). */
	runnable(): number {
		return this.threads > 0 ? this.items.length - this.head : 0;
	}
}
