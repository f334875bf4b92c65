import {
	gilEvents,
	plainEvents,
	stepGil,
	stepThread,
	type GilAction,
	type GilEvent,
	type GilState,
	type NamedAction,
	type ThreadEvent
} from '../machines';
import type { Emit, Timers } from './capabilities';
import { QueueChanges } from './queue-changes';
import type { SimThread } from './thread';

// Bound once: a transpiled re-export is a getter, and threads read these on every segment.
const [gilStep, threadStep] = [stepGil, stepThread];
const { wantGil, release, switchIntervalElapsed, bytecodeBoundary } = gilEvents;

const EPSILON = 1e-9;

/** The interpreter the threads share. */
export interface CpuConfig {
	/** A GIL build (false: free-threaded). */
	gil: boolean;
	cores: number;
	switchIntervalMs: number;
	/** Trace thread and GIL changes (the run is traced). */
	traced: boolean;
}

const THREAD_EVENTS = plainEvents<ThreadEvent['type']>([
	'WANT_GIL',
	'RUN',
	'YIELD_GIL',
	'BLOCK',
	'SELECT',
	'IDLE'
]);

/**
 * Who runs Python when. With the GIL, one thread at a time, as the GIL machine
 * (`machines/gil.ts`) decides: a waiter forces a switch once the holder has held it for the
 * switch interval since the first waiter began to wait, hand-offs in FIFO order; a select() that
 * returns at once hands nothing over, so the loop thread takes the GIL straight back. Without the
 * GIL, runnable threads share `cores` equally (processor sharing). Threads move through the
 * thread machine; both are traced from here.
 */
export class Cpu {
	/** The GIL machine's state. */
	private gil: GilState = 'free';
	private gilHolder: SimThread | null = null;
	private acquiredAt = 0;
	private waiters: SimThread[] = [];
	private preemptId: number | null = null;
	private running = new Set<SimThread>();
	/** The GIL's holder and waiters as last traced: events carry what changed since. */
	private tracedHolder: string | null | undefined = undefined;
	private tracedWaiters = new QueueChanges();
	private all: SimThread[] = [];

	constructor(
		private clock: Timers,
		private emit: Emit,
		private config: CpuConfig,
		/** select() was entered and the loop thread has released the GIL. */
		private selected: (timeoutMs: number | null) => void
	) {}

	/** The thread holding the GIL (null when free or when there is no GIL). */
	holder(): SimThread | null {
		return this.gilHolder;
	}

	/** Threads waiting for the GIL, first in line first. */
	waiting(): readonly SimThread[] {
		return this.waiters;
	}

	/** Every thread created so far, in order. */
	threads(): readonly SimThread[] {
		return this.all;
	}

	/** A new thread appears in the trace (idle until started). */
	created(th: SimThread): void {
		this.all.push(th);
		this.report(th);
	}

	/** Runs a thread's program until it needs time. */
	drive(th: SimThread): void {
		for (;;) {
			const a = th.next();
			switch (a.kind) {
				case 'py':
					if (a.ms <= 0 && th.state === 'running') continue;
					th.doing = a.doing;
					// Between two Python segments the holder passes a bytecode boundary.
					if (th.state === 'running' && this.gilHolder === th && this.atBoundary(th, a.ms)) return;
					this.runPython(th, a.ms);
					return;
				case 'block':
					this.leave(th, 'BLOCK', a.doing);
					this.clock.at(this.clock.now() + a.ms, () => this.resume(th));
					return;
				case 'wait':
					this.leave(th, 'BLOCK', a.doing);
					return;
				case 'select':
					// The loop's `select` event carries the thread into select(): one event, one frame.
					this.leave(th, 'SELECT', 'select()', false, a.atOnce);
					this.selected(a.timeoutMs);
					return;
				case 'idle':
					this.leave(th, 'IDLE', a.doing ?? null);
					return;
				case 'stop':
					return;
			}
		}
	}

	/** A deadlock: the thread blocks in `doing` and nothing will ever resume it. */
	blockForGood(th: SimThread, doing: string): void {
		this.leave(th, 'BLOCK', doing);
	}

	/** A blocked, selecting or idle thread wakes up and wants the GIL back before its next Python (`doing`). */
	resume(th: SimThread, doing: string | null = null): void {
		th.doing = doing;
		this.transition(th, 'WANT_GIL');
		this.want(th, 0);
	}

	/** Starts a new thread: it needs the GIL to run its first Python. */
	start(th: SimThread): void {
		this.resume(th);
	}

	private runPython(th: SimThread, ms: number): void {
		if (th.state === 'running') {
			this.transition(th, 'RUN');
			this.startSegment(th, ms);
			return;
		}
		this.want(th, ms);
	}

	private want(th: SimThread, ms: number): void {
		th.rem = ms;
		if (!this.config.gil) {
			this.transition(th, 'RUN');
			this.startSegment(th, ms);
			return;
		}
		this.sendGil(wantGil, th, ms);
	}

	/** True when the holder honours a drop request here and yields. */
	private atBoundary(th: SimThread, ms: number): boolean {
		if (!this.config.gil) return false;
		return this.sendGil(bytecodeBoundary(this.waiters.length > 0), th, ms);
	}

	/** Steps the GIL machine for thread `th`; true when it led to any action. */
	private sendGil(event: GilEvent, th: SimThread, ms: number): boolean {
		const step = gilStep(this.gil, event);
		this.gil = step.value;
		for (const action of step.actions) this.executeGil(action, th, ms);
		return step.actions.length > 0;
	}

	private executeGil(action: NamedAction<GilAction>, th: SimThread, ms: number): void {
		switch (action.type) {
			case 'takeGil':
				return this.grant(th);
			case 'queueWaiter':
				this.enqueue(th);
				this.schedulePreempt();
				return this.report(th);
			case 'handOverToFirstWaiter':
				this.gilHolder = null;
				return this.grant(this.nextWaiter());
			case 'freeGil':
				this.gilHolder = null;
				return this.schedulePreempt();
			case 'dropGilRequest':
				return this.honourMidSegment(th);
			case 'yieldToFirstWaiter':
				this.transition(th, 'YIELD_GIL');
				th.rem = ms;
				this.enqueue(th);
				this.gilHolder = null;
				this.grant(this.nextWaiter());
				return this.report(th);
		}
	}

	private enqueue(th: SimThread): void {
		th.waitStart = this.clock.now();
		this.waiters.push(th);
		if (this.config.traced) this.tracedWaiters.join(th.name);
	}

	private nextWaiter(): SimThread {
		const th = this.waiters.shift() as SimThread;
		if (this.config.traced) this.tracedWaiters.leave(th.name);
		return th;
	}

	private grant(th: SimThread): void {
		this.gilHolder = th;
		this.acquiredAt = this.clock.now();
		this.transition(th, 'RUN');
		this.startSegment(th, th.rem);
		this.schedulePreempt();
	}

	private startSegment(th: SimThread, ms: number): void {
		th.rem = ms;
		th.since = this.clock.now();
		if (this.config.gil) {
			th.speed = 1;
			this.scheduleDone(th);
		} else {
			this.running.add(th);
			this.reshare();
		}
		this.report(th);
	}

	private scheduleDone(th: SimThread): void {
		if (th.doneId !== null) this.clock.clearTimeout(th.doneId);
		const at = this.clock.now() + (th.rem <= EPSILON ? 0 : th.rem / th.speed);
		th.doneId = this.clock.at(at, () => this.segmentDone(th));
	}

	private segmentDone(th: SimThread): void {
		th.doneId = null;
		th.rem = 0;
		if (!this.config.gil) {
			this.running.delete(th);
			this.reshare();
		}
		this.drive(th);
	}

	/** The thread stops running Python: it blocks, selects or goes idle. */
	private leave(
		th: SimThread,
		event: 'BLOCK' | 'SELECT' | 'IDLE',
		doing: string | null,
		reportThread = true,
		returnsAtOnce = false
	): void {
		th.doing = doing;
		this.transition(th, event);
		if (this.config.gil && this.gilHolder === th) {
			this.sendGil(release(this.waiters.length > 0, returnsAtOnce), th, 0);
		}
		if (reportThread) this.report(th);
		else this.reportGil();
	}

	private schedulePreempt(): void {
		if (this.preemptId !== null) this.clock.clearTimeout(this.preemptId);
		this.preemptId = null;
		if (!this.gilHolder || this.waiters.length === 0) return;
		const at = Math.max(this.acquiredAt, this.waiters[0].waitStart) + this.config.switchIntervalMs;
		this.preemptId = this.clock.at(at, () => {
			this.preemptId = null;
			const holder = this.gilHolder as SimThread;
			this.sendGil(switchIntervalElapsed(this.waiters.length > 0), holder, 0);
		});
	}

	/**
	 * A holder in the middle of a Python segment reaches a bytecode boundary at once; one whose
	 * segment ends now, or that is between segments, yields before its next one.
	 */
	private honourMidSegment(h: SimThread): void {
		if (h.doneId === null) return;
		h.rem -= (this.clock.now() - h.since) * h.speed;
		if (h.rem <= EPSILON) return;
		this.clock.clearTimeout(h.doneId);
		h.doneId = null;
		this.atBoundary(h, h.rem);
	}

	/** Without a GIL, every running thread gets min(1, cores / n) of a core. */
	private reshare(): void {
		const now = this.clock.now();
		const speed = Math.min(1, this.config.cores / Math.max(1, this.running.size));
		for (const th of this.running) {
			th.rem = Math.max(0, th.rem - (now - th.since) * th.speed);
			th.since = now;
			th.speed = speed;
			this.scheduleDone(th);
		}
	}

	private transition(th: SimThread, event: ThreadEvent['type']): void {
		th.state = threadStep(th.state, THREAD_EVENTS[event]).value;
	}

	/**
	 * Traces the thread's state and, when it changed, who holds the GIL and who joined or left its
	 * waiters. A thread that starts running is traced before it takes the GIL, one that stops after
	 * it let go, so no frame between the two shows a GIL holder that is not running.
	 */
	private report(th: SimThread): void {
		if (!this.config.traced) return;
		const running = th.state === 'running';
		if (!running) this.reportGil();
		this.emit(th.name, {
			type: 'thread',
			detail: { state: th.state, doing: th.doing, kind: th.kind }
		});
		if (running) this.reportGil();
	}

	private reportGil(): void {
		if (!this.config.traced || !this.config.gil) return;
		const holder = this.gilHolder?.name ?? null;
		if (holder === this.tracedHolder && !this.tracedWaiters.changed) return;
		this.tracedHolder = holder;
		this.emit('gil', { type: 'gil', detail: { holder, ...this.tracedWaiters.take() } });
	}
}
