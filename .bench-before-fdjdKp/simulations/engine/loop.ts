import { MinHeap, type HeapEntry } from '../heap';
import { stepLoop, type LoopPhase } from '../machines';
import type { Via } from '../trace';
import type { Action } from './action';
import { instant, type Callback } from './callback';
import { Deque } from './deque';
import type { Sim } from './sim';

interface Timer extends HeapEntry {
	id: number;
	cb: Callback;
}

/** Something the selector reports as ready: a socket, a pipe, the self-pipe. */
export interface IoEvent {
	cb: Callback;
}

/**
 * The asyncio event loop, iteration by iteration as `BaseEventLoop._run_once` does it:
 * timeout (0 if anything is ready, else the next timer, else forever), select, I/O callbacks,
 * then due timers appended at the END of the ready queue, then exactly the callbacks that were
 * ready when the batch began.
 */
export class EventLoop {
	phase: LoopPhase = 'starting';
	/** The timeout of the latest select() call. */
	timeoutMs: number | null = null;
	readonly ready = new Deque<Callback>();
	readonly timers = new MinHeap<Timer>();
	/** Ready I/O the next select() will report. */
	private pendingIo: IoEvent[] = [];
	private collected: IoEvent[] = [];
	private ntodo = 0;
	current: { cb: Callback; start: number } | null = null;
	private timeoutId: number | null = null;
	private timerSeq = 0;
	private selfPipeFull = false;
	/** Ready callbacks that serve requests (not background tasks). */
	foregroundReady = 0;
	foregroundTimers = 0;

	constructor(private sim: Sim) {}

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
		const now = this.sim.now();
		const timeoutMs = this.ready.length > 0 ? 0 : next ? Math.max(0, next.at - now) : null;
		this.phase = stepLoop(this.phase, 'SELECT');
		this.timeoutMs = timeoutMs;
		this.sim.emit('loop', { type: 'select', detail: { timeoutMs } });
		return { kind: 'select', timeoutMs };
	}

	/** Called once the loop thread has released the GIL in select(). */
	selected(timeoutMs: number | null): void {
		if (this.pendingIo.length > 0) return this.wake('io');
		if (timeoutMs === 0) return this.wake('poll');
		if (timeoutMs !== null) {
			this.timeoutId = this.sim.clock.at(this.sim.now() + timeoutMs, () => {
				this.timeoutId = null;
				this.wake('timeout');
			});
		}
		this.sim.loopAsleep();
	}

	private wake(reason: 'io' | 'timeout' | 'poll'): void {
		if (this.phase !== 'selecting') return;
		if (this.timeoutId !== null) this.sim.clock.clearTimeout(this.timeoutId);
		this.timeoutId = null;
		this.phase = stepLoop(this.phase, 'WOKEN');
		this.sim.emit('loop', { type: 'wake', detail: { reason } });
		// epoll reports every fd that is ready when it returns: events of this same instant too.
		this.sim.clock.at(this.sim.now(), () => {
			this.collected = this.pendingIo;
			this.pendingIo = [];
			this.sim.cpu.resume(this.sim.loopThread);
		});
	}

	private collect(): void {
		for (const ev of this.collected) this.enqueue(ev.cb, 'io');
		this.collected = [];
		const now = this.sim.now();
		for (let t = this.timers.peek(); t && t.at <= now; t = this.timers.peek()) {
			this.timers.pop();
			if (!t.cb.background) this.foregroundTimers--;
			this.enqueue(t.cb, 'timer', t.id);
		}
		this.ntodo = this.ready.length;
		this.phase = stepLoop(this.phase, 'BATCH');
		this.sim.emit('loop', { type: 'batch', detail: { n: this.ntodo } });
	}

	private startCallback(): void {
		const cb = this.ready.shift() as Callback;
		if (!cb.background) this.foregroundReady--;
		this.current = { cb, start: this.sim.now() };
		this.sim.emit('loop', { type: 'run', detail: { cb: cb.label } });
	}

	private finishCallback(): void {
		const { cb, start } = this.current as { cb: Callback; start: number };
		this.current = null;
		const ms = this.sim.now() - start;
		this.sim.emit('loop', { type: 'return', detail: { cb: cb.label, ms } });
		this.sim.callbackReturned(cb, ms);
	}

	private enqueue(cb: Callback, via: Via, timer?: number): void {
		this.ready.push(cb);
		if (!cb.background) this.foregroundReady++;
		this.sim.emit('loop', {
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
		this.ioReady({
			cb: instant('_read_from_self', 'loop', true, () => {
				this.selfPipeFull = false;
			})
		});
	}

	/** `loop.call_soon(cb)` from another thread: appended, but nothing wakes the selector. */
	callSoonUnsafe(cb: Callback): void {
		this.enqueue(cb, 'unsafe');
	}

	/** `loop.call_later(delay, cb)`. */
	callLater(delayMs: number, cb: Callback): void {
		const id = this.timerSeq++;
		const at = this.sim.now() + delayMs;
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
		this.sim.emit('loop', {
			type: 'timer',
			detail: { id: timer.id, at: timer.at, cb: timer.cb.label }
		});
	}

	/** A file descriptor the loop watches became ready. */
	ioReady(ev: IoEvent): void {
		this.pendingIo.push(ev);
		if (this.phase === 'selecting') this.wake('io');
	}

	/** I/O events waiting to be reported that serve requests. */
	foregroundIo(): number {
		let n = 0;
		for (const ev of this.pendingIo) if (!ev.cb.background) n++;
		for (const ev of this.collected) if (!ev.cb.background) n++;
		return n;
	}

	stop(): void {
		if (this.timeoutId !== null) this.sim.clock.clearTimeout(this.timeoutId);
		this.phase = stepLoop(this.phase, 'STOP');
	}
}
