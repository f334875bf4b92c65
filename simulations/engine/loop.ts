import { MinHeap, type HeapEntry } from '../heap';
import {
	loopEvents,
	stepLoop,
	type LoopAction,
	type LoopEvent,
	type LoopPhase,
	type NamedAction
} from '../machines';
import type { Via } from '../trace';
import type { Action } from './action';
import { instant, type Callback } from './callback';
import { Deque } from './deque';
import type { Emit, Scheduler, Timers } from './capabilities';

// Bound once: a transpiled re-export is a getter, and the loop reads these on every callback.
const step = stepLoop;
const { next: NEXT, inSelect: IN_SELECT, IO_READY, SELECT_TIMEOUT, STOP } = loopEvents;

interface Timer extends HeapEntry {
	id: number;
	cb: Callback;
}

/** What the loop needs from the run around it. */
export interface LoopHost {
	/** select() has returned: the loop thread wants the GIL back. */
	resumeLoopThread(): void;
	/** The loop fell asleep in select() (the run may end here). */
	asleep(): void;
	/** A callback or task step returned after running `ms`. */
	callbackReturned(cb: Callback, ms: number): void;
}

/**
 * The asyncio event loop: the data of `BaseEventLoop` (ready queue, timer heap, selector) and
 * the actions of the loop machine (`machines/loop.ts`), which decides the order of
 * `_run_once`'s phases.
 */
export class EventLoop implements Scheduler {
	phase: LoopPhase = 'starting';
	/** The timeout of the latest select() call. */
	timeoutMs: number | null = null;
	readonly ready = new Deque<Callback>();
	readonly timers = new MinHeap<Timer>();
	/** Ready I/O (the callbacks that handle it) the next select() will report. */
	private pendingIo: Callback[] = [];
	private collected: Callback[] = [];
	private ntodo = 0;
	current: { cb: Callback; start: number } | null = null;
	private timeoutId: number | null = null;
	private timerSeq = 0;
	private selfPipeFull = false;
	/** Callbacks of the current batch not yet started. */
	get batchLeft(): number {
		return this.ntodo;
	}
	/** Ready callbacks that serve requests (not background tasks). */
	foregroundReady = 0;
	foregroundTimers = 0;

	constructor(
		private clock: Timers,
		private emit: Emit,
		private host: LoopHost,
		/** How long a select() with a positive timeout sleeps when nothing wakes it (F37). */
		private sleepFor: (timeoutMs: number) => number = (ms) => ms
	) {}

	/** The loop thread's program. */
	next(): Action {
		for (;;) {
			if (this.current) {
				const action = this.current.cb.run();
				if (action) return action;
				this.finishCallback();
			}
			const action = this.send(NEXT(this.ntodo > 0));
			if (action) return action;
		}
	}

	/** Called once the loop thread has released the GIL in select(). */
	selected(timeoutMs: number | null): void {
		this.emit('loop', { type: 'select', detail: { timeoutMs } });
		this.send(IN_SELECT(this.pendingIo.length > 0, timeoutMs === 0, timeoutMs !== null));
	}

	/** Steps the loop machine and executes its actions; returns what the loop thread must do. */
	private send(event: LoopEvent): Action | null {
		const { value, actions } = step(this.phase, event);
		this.phase = value;
		let out: Action | null = null;
		for (const a of actions) out = this.execute(a) ?? out;
		return out;
	}

	private execute(action: NamedAction<LoopAction>): Action | null {
		switch (action.type) {
			case 'computeTimeout': {
				const next = this.timers.peek();
				const now = this.clock.now();
				this.timeoutMs = this.ready.length > 0 ? 0 : next ? Math.max(0, next.at - now) : null;
				return null;
			}
			case 'select':
				return {
					kind: 'select',
					timeoutMs: this.timeoutMs,
					atOnce: this.timeoutMs === 0 || this.pendingIo.length > 0
				};
			case 'returnFromSelect':
				this.returnFromSelect(action.params?.reason as 'io' | 'poll' | 'timeout');
				return null;
			case 'armSelectTimeout':
				this.timeoutId = this.clock.at(
					this.clock.now() + this.sleepFor(this.timeoutMs as number),
					() => {
						this.timeoutId = null;
						this.send(SELECT_TIMEOUT);
					}
				);
				return null;
			case 'fallAsleep':
				this.host.asleep();
				return null;
			case 'processIoEvents':
				for (const cb of this.collected) this.enqueue(cb, 'io');
				this.collected = [];
				return null;
			case 'appendDueTimersToReady':
				this.appendDueTimers();
				return null;
			case 'startBatch':
				this.ntodo = this.ready.length;
				this.emit('loop', { type: 'batch', detail: { n: this.ntodo } });
				return null;
			case 'runNextReadyCallback':
				this.ntodo--;
				this.startCallback();
				return null;
			case 'cancelSelectTimeout':
				if (this.timeoutId !== null) this.clock.clearTimeout(this.timeoutId);
				return null;
		}
	}

	private returnFromSelect(reason: 'io' | 'timeout' | 'poll'): void {
		if (this.timeoutId !== null) this.clock.clearTimeout(this.timeoutId);
		this.timeoutId = null;
		this.emit('loop', { type: 'wake', detail: { reason } });
		// epoll reports every fd that is ready when it returns: events of this same instant too.
		this.clock.at(this.clock.now(), () => {
			this.collected = this.pendingIo;
			this.pendingIo = [];
			this.host.resumeLoopThread();
		});
	}

	private appendDueTimers(): void {
		const now = this.clock.now();
		for (let t = this.timers.peek(); t && t.at <= now; t = this.timers.peek()) {
			this.timers.pop();
			if (!t.cb.background) this.foregroundTimers--;
			this.enqueue(t.cb, 'timer', t.id);
		}
	}

	private startCallback(): void {
		const cb = this.ready.shift() as Callback;
		if (!cb.background) this.foregroundReady--;
		this.current = { cb, start: this.clock.now() };
		this.emit('loop', { type: 'run', detail: { cb: cb.label } });
	}

	private finishCallback(): void {
		const { cb, start } = this.current as { cb: Callback; start: number };
		this.current = null;
		const ms = this.clock.now() - start;
		this.emit('loop', { type: 'return', detail: { cb: cb.label, ms } });
		this.host.callbackReturned(cb, ms);
	}

	private enqueue(cb: Callback, via: Via, timer?: number): void {
		this.ready.push(cb);
		if (!cb.background) this.foregroundReady++;
		const detail: { cb: string; via: Via; timer?: number; request?: string } = {
			cb: cb.label,
			via
		};
		if (timer !== undefined) detail.timer = timer;
		if (cb.request !== undefined) detail.request = cb.request;
		this.emit('loop', { type: 'enqueue', detail });
	}

	/** Requests whose bytes wait at the selector, not yet read by the loop. */
	unread(): string[] {
		const out: string[] = [];
		for (const cb of [...this.collected, ...this.pendingIo]) if (cb.request) out.push(cb.request);
		return out;
	}

	/** `loop.call_soon(cb)` from the loop thread. */
	callSoon(cb: Callback): void {
		this.enqueue(cb, 'call_soon');
	}

	/** `loop.call_soon_threadsafe(cb)`: append, then write to the self-pipe so select() returns. */
	callSoonThreadsafe(cb: Callback): void {
		this.enqueue(cb, 'threadsafe');
		if (this.selfPipeFull) return;
		this.selfPipeFull = true;
		this.ioReady(
			instant('_read_from_self', 'loop', true, () => {
				this.selfPipeFull = false;
			})
		);
	}

	/** `loop.call_soon(cb)` from another thread: appended, but nothing wakes the selector. */
	callSoonUnsafe(cb: Callback): void {
		this.enqueue(cb, 'unsafe');
	}

	/** `loop.call_later(delay, cb)`. */
	callLater(delayMs: number, cb: Callback): void {
		const id = this.timerSeq++;
		const at = this.clock.now() + delayMs;
		this.addTimer({ at, seq: id, id, cb });
	}

	/** A timer created before t = 0 (a background task in steady state). */
	addTimerAt(at: number, cb: Callback): void {
		const id = this.timerSeq++;
		this.addTimer({ at, seq: id, id, cb });
	}

	private addTimer(timer: Timer): void {
		this.timers.push(timer);
		if (!timer.cb.background) this.foregroundTimers++;
		this.emit('loop', {
			type: 'timer',
			detail: { id: timer.id, at: timer.at, cb: timer.cb.label }
		});
	}

	/** A file descriptor the loop watches became ready. */
	ioReady(cb: Callback): void {
		this.pendingIo.push(cb);
		this.send(IO_READY);
	}

	/** I/O events waiting to be reported that serve requests. */
	foregroundIo(): number {
		let n = 0;
		for (const cb of this.pendingIo) if (!cb.background) n++;
		for (const cb of this.collected) if (!cb.background) n++;
		return n;
	}

	/** A finished run cancels the timers left (background tasks' next wake-ups). */
	cancelTimers(): void {
		while (this.timers.pop());
	}

	/** The run is over: the loop stops. */
	stop(): void {
		this.send(STOP);
	}
}
