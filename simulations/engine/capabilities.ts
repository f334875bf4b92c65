// The small interfaces the engine's parts are given instead of the whole run: each part names
// only what it uses, so it can be built alone in a test with fakes.
import type { HandoffKind, TraceBody } from '../trace';
import type { Callback } from './callback';
import type { SimThread } from './thread';
import type { Task } from './task';

/** Virtual time: read it, schedule at an absolute time, cancel. */
export interface Timers {
	now(): number;
	at(at: number, fn: () => void): number;
	atEach(times: readonly number[], fn: (index: number) => void): void;
	clearTimeout(id: number): void;
}

/**
 * Appends one trace event for `actor` (a no-op when the run is not traced). The trace keeps
 * `body.detail` itself (its numbers rounded in place): pass a fresh object.
 */
export type Emit = (actor: string, body: TraceBody) => void;

/** The ways code puts a callback on the loop's ready queue. */
export interface Scheduler {
	/** `loop.call_soon(cb)` from the loop thread. */
	callSoon(cb: Callback): void;
	/** `loop.call_soon_threadsafe(cb)`: appends and wakes the selector. */
	callSoonThreadsafe(cb: Callback): void;
	/** `loop.call_soon(cb)` from another thread: appends without waking the selector. */
	callSoonUnsafe(cb: Callback): void;
	/** `loop.call_later(delay, cb)`. */
	callLater(delayMs: number, cb: Callback): void;
	/** A watched file descriptor became ready; `cb` runs when select() reports it. */
	ioReady(cb: Callback): void;
}

/** What other parts may do to a task: move it through its life, wake it, make it raise. */
export interface TaskControl {
	/** The task awaits `on`; returns null, what a task step returns when it suspends. */
	suspend(task: Task, on: string): null;
	/** A call in the task's step blocks the loop thread in `on` (the task stays running). */
	blockLoopThread(task: Task, on: string): void;
	/** The future the task awaits is done; the caller schedules its step (`on`: a caveat, if any). */
	markReady(task: Task, on: string | null): void;
	/** Resumes a suspended task through call_soon. */
	wakeSoon(task: Task): void;
	/** The task yields once (`await asyncio.sleep(0)`, a checkpoint): its next step is scheduled now. */
	yieldNow(task: Task, on: string): null;
	/** The coroutine raises `error` and ends. */
	fail(task: Task, error: string): null;
}

/** Starting and waking simulated OS threads. */
export interface ThreadControl {
	/** Registers a new thread so it is traced from its creation. */
	created(th: SimThread): void;
	/** `Thread.start()`: the thread needs the GIL to run its first Python. */
	start(th: SimThread): void;
	/** A blocked, selecting or idle thread wakes up, to do `doing` (if said). */
	resume(th: SimThread, doing?: string): void;
	/** The loop thread wakes up (a Thread.start() handshake returned). */
	resumeLoopThread(): void;
}

/** A cross-thread hand-off, recorded for frames and traced. */
export type Handoff = (detail: {
	from: string;
	to: string;
	kind: HandoffKind;
	what: string;
	woke: boolean;
}) => void;

/** A run that ends hung because the loop thread blocks for good; `blocked` runs once it has (before the run ends). */
export type Deadlock = (reason: string, blockedIn: string, blocked?: () => void) => void;
