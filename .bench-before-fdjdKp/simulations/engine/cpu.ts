import type { VirtualClock } from '../clock';
import { stepMutex, stepThread, type MutexState, type ThreadState } from '../machines';
import type { Action } from './action';

/** A simulated OS thread: the loop thread or a pool thread. */
export interface SimThread {
	name: string;
	state: ThreadState;
	/** The thread's program; performs instantaneous effects and returns what needs time. */
	next: () => Action;
	doing: string | null;
	/** Python work left in the current segment, in ms at full speed. */
	rem: number;
	since: number;
	speed: number;
	doneId: number | null;
	waitStart: number;
}

const EPSILON = 1e-9;

/**
 * Who runs Python when. With the GIL, one thread at a time, a waiting thread forcing a switch
 * once the holder has held it for the switch interval since the first waiter began to wait
 * (CPython's `gil_drop_request`), hand-offs in FIFO order. Without the GIL, runnable threads
 * share `cores` equally (processor sharing).
 */
export class Cpu {
	private gilHolder: SimThread | null = null;
	private gilState: MutexState = 'free';
	private acquiredAt = 0;
	private waiters: SimThread[] = [];
	private preemptId: number | null = null;
	private dropRequested = false;
	private running = new Set<SimThread>();

	constructor(
		private clock: VirtualClock,
		private gil: boolean,
		private cores: number,
		private switchIntervalMs: number,
		private hooks: {
			changed: (th: SimThread) => void;
			selected: (timeoutMs: number | null) => void;
		}
	) {}

	/** The thread holding the GIL (null when free or when there is no GIL). */
	holder(): SimThread | null {
		return this.gilHolder;
	}

	/** Threads waiting for the GIL, first in line first. */
	waiting(): readonly SimThread[] {
		return this.waiters;
	}

	/** Runs a thread's program until it needs time. */
	drive(th: SimThread): void {
		for (;;) {
			const a = th.next();
			switch (a.kind) {
				case 'py':
					if (a.ms <= 0 && th.state === 'running') continue;
					th.doing = a.doing;
					if (th.state === 'running' && this.mustYield(th)) {
						this.yieldGil(th, a.ms);
						return;
					}
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
					this.leave(th, 'SELECT', 'select()');
					this.hooks.selected(a.timeoutMs);
					return;
				case 'idle':
					this.leave(th, 'IDLE', null);
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

	/** A blocked, selecting or idle thread wakes up and wants the GIL back before its next Python. */
	resume(th: SimThread): void {
		th.doing = null;
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
		if (!this.gil) {
			this.transition(th, 'RUN');
			this.startSegment(th, ms);
			return;
		}
		if (this.gilHolder === null) {
			this.grant(th, 'ACQUIRE');
			return;
		}
		th.waitStart = this.clock.now();
		this.waiters.push(th);
		this.schedulePreempt();
		this.hooks.changed(th);
	}

	private grant(th: SimThread, how: 'ACQUIRE' | 'HANDOVER'): void {
		this.gilState = stepMutex(this.gilState, how);
		this.gilHolder = th;
		this.acquiredAt = this.clock.now();
		this.dropRequested = false;
		this.transition(th, 'RUN');
		this.startSegment(th, th.rem);
		this.schedulePreempt();
	}

	private startSegment(th: SimThread, ms: number): void {
		th.rem = ms;
		th.since = this.clock.now();
		if (this.gil) {
			th.speed = 1;
			this.scheduleDone(th);
		} else {
			this.running.add(th);
			this.reshare();
		}
		this.hooks.changed(th);
	}

	private scheduleDone(th: SimThread): void {
		if (th.doneId !== null) this.clock.clearTimeout(th.doneId);
		const at = this.clock.now() + (th.rem <= EPSILON ? 0 : th.rem / th.speed);
		th.doneId = this.clock.at(at, () => this.segmentDone(th));
	}

	private segmentDone(th: SimThread): void {
		th.doneId = null;
		th.rem = 0;
		if (!this.gil) {
			this.running.delete(th);
			this.reshare();
		}
		this.drive(th);
	}

	/** The thread stops running Python: it blocks, selects or goes idle. */
	private leave(th: SimThread, event: 'BLOCK' | 'SELECT' | 'IDLE', doing: string | null): void {
		th.doing = doing;
		this.transition(th, event);
		if (!this.gil) {
			this.hooks.changed(th);
			return;
		}
		if (this.gilHolder === th) this.passGil();
		this.hooks.changed(th);
	}

	private passGil(): void {
		this.gilHolder = null;
		const next = this.waiters.shift();
		if (next) this.grant(next, 'HANDOVER');
		else {
			this.gilState = stepMutex(this.gilState, 'RELEASE');
			this.schedulePreempt();
		}
	}

	private mustYield(th: SimThread): boolean {
		return this.gil && this.dropRequested && this.gilHolder === th && this.waiters.length > 0;
	}

	/** The holder honours a drop request at its next bytecode boundary and queues up again. */
	private yieldGil(th: SimThread, ms: number): void {
		this.transition(th, 'PREEMPT');
		th.rem = ms;
		th.waitStart = this.clock.now();
		this.waiters.push(th);
		this.gilHolder = null;
		const next = this.waiters.shift() as SimThread;
		this.grant(next, 'HANDOVER');
		this.hooks.changed(th);
	}

	private schedulePreempt(): void {
		if (this.preemptId !== null) this.clock.clearTimeout(this.preemptId);
		this.preemptId = null;
		if (!this.gilHolder || this.waiters.length === 0) return;
		const at = Math.max(this.acquiredAt, this.waiters[0].waitStart) + this.switchIntervalMs;
		this.preemptId = this.clock.at(at, () => this.preempt());
	}

	private preempt(): void {
		this.preemptId = null;
		const h = this.gilHolder;
		if (!h || this.waiters.length === 0) return;
		this.dropRequested = true;
		if (h.doneId === null) return;
		h.rem -= (this.clock.now() - h.since) * h.speed;
		if (h.rem <= EPSILON) return; // its segment ends now; it yields before the next one
		this.clock.clearTimeout(h.doneId);
		h.doneId = null;
		this.yieldGil(h, h.rem);
	}

	/** Without a GIL, every running thread gets min(1, cores / n) of a core. */
	private reshare(): void {
		const now = this.clock.now();
		const speed = Math.min(1, this.cores / Math.max(1, this.running.size));
		for (const th of this.running) {
			th.rem = Math.max(0, th.rem - (now - th.since) * th.speed);
			th.since = now;
			th.speed = speed;
			this.scheduleDone(th);
		}
	}

	private transition(th: SimThread, event: Parameters<typeof stepThread>[1]): void {
		th.state = stepThread(th.state, event);
	}
}

/** A fresh thread in the idle state. */
export function newThread(name: string, next: () => Action): SimThread {
	return {
		name,
		state: 'idle',
		next,
		doing: null,
		rem: 0,
		since: 0,
		speed: 1,
		doneId: null,
		waitStart: 0
	};
}
