import { MinHeap, type HeapEntry } from '../heap';
import { stepLoop, type LoopPhase } from '../machines';
import type { Via } from '../trace';
import type { Action } from './action';
import { instant, type Callback } from './callback';
import { Deque } from './deque';
import type { Emit, Scheduler, Timers } from './capabilities';

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
 * The asyncio event loop, iteration by iteration as `BaseEventLoop._run_once` does it:
 * timeout (0 if anything is ready, else the next timer, else forever), select, I/O callbacks,
 * then due timers appended at the END of the ready queue, then exactly the callbacks that were
 * ready when the batch began.
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
	/** Ready callbacks that serve requests (not background tasks). */
	foregroundReady = 0;
	foregroundTimers = 0;

	constructor(
		private clock: Timers,
		private emit: Emit,
		private host: LoopHost
	) {}

	/** The loop thread's program. */
	next(): Action {
		for (;;) {
			if (this.current) {
				const action = this.current.cb.run();
				if (action) return action;
				this.finishCallback();
			}
			if (this.phase === 'collecting') {
				this.collect();
				continue;
			}
			if (this.phase === 'running' && this.ntodo > 0) {
				this.ntodo--;
				this.startCallback();
				continue;
			}
			return this.select();
		}
	}

	private select(): Action {
		const next = this.timers.peek();
		const now = this.clock.now();
		const timeoutMs = this.ready.length > 0 ? 0 : next ? Math.max(0, next.at - now) : null;
		this.phase = stepLoop(this.phase, 'SELECT');
		this.timeoutMs = timeoutMs;
		this.emit('loop', { type: 'select', detail: { timeoutMs } });
		return { kind: 'select', timeoutMs };
	}

	/** Called once the loop thread has released the GIL in select(). */
	selected(timeoutMs: number | null): void {
		if (this.pendingIo.length > 0) return this.wake('io');
		if (timeoutMs === 0) return this.wake('poll');
		if (timeoutMs !== null) {
			this.timeoutId = this.clock.at(this.clock.now() + timeoutMs, () => {
				this.timeoutId = null;
				this.wake('timeout');
			});
		}
		this.host.asleep();
	}

	private wake(reason: 'io' | 'timeout' | 'poll'): void {
		if (this.phase !== 'selecting') return;
		if (this.timeoutId !== null) this.clock.clearTimeout(this.timeoutId);
		this.timeoutId = null;
		this.phase = stepLoop(this.phase, 'WOKEN');
		this.emit('loop', { type: 'wake', detail: { reason } });
		// epoll reports every fd that is ready when it returns: events of this same instant too.
		this.clock.at(this.clock.now(), () => {
			this.collected = this.pendingIo;
			this.pendingIo = [];
			this.host.resumeLoopThread();
		});
	}

	private collect(): void {
		for (const cb of this.collected) this.enqueue(cb, 'io');
		this.collected = [];
		const now = this.clock.now();
		for (let t = this.timers.peek(); t && t.at <= now; t = this.timers.peek()) {
			this.timers.pop();
			if (!t.cb.background) this.foregroundTimers--;
			this.enqueue(t.cb, 'timer', t.id);
		}
		this.ntodo = this.ready.length;
		this.phase = stepLoop(this.phase, 'BATCH');
		this.emit('loop', { type: 'batch', detail: { n: this.ntodo } });
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
		this.emit('loop', {
			type: 'enqueue',
			detail: timer === undefined ? { cb: cb.label, via } : { cb: cb.label, via, timer }
		});
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
		if (this.phase === 'selecting') this.wake('io');
	}

	/** I/O events waiting to be reported that serve requests. */
	foregroundIo(): number {
		let n = 0;
		for (const cb of this.pendingIo) if (!cb.background) n++;
		for (const cb of this.collected) if (!cb.background) n++;
		return n;
	}

	stop(): void {
		if (this.timeoutId !== null) this.clock.clearTimeout(this.timeoutId);
		this.phase = stepLoop(this.phase, 'STOP');
	}
}
