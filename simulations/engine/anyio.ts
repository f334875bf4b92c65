import { CANT_START } from '../rules/messages';
import type { Action } from './action';
import { instant } from './callback';
import type { Scheduler, TaskControl, ThreadControl } from './capabilities';
import type { Instr } from './program';
import { newThread, type SimThread } from './thread';
import type { Task } from './task';

interface Call {
	task: Task;
	steps: Instr[];
	/** What the function raised, handed back with the result. */
	error: string | null;
}

interface Worker {
	thread: SimThread;
	phase: 'boot' | 'run' | 'report';
	call: Call | null;
	/** The next step of the call to run. */
	pc: number;
}

/**
 * FastAPI's `def` endpoints (F32): Starlette's `run_in_threadpool` → `anyio.to_thread.run_sync`,
 * anyio's own worker threads, not the asyncio default executor. `async with limiter` takes one of
 * the limiter's tokens (40 by default) or waits FIFO for one; then an idle worker is reused (the
 * most recently idle one) or a new thread starts, and `Thread.start()` blocks the loop thread
 * until it runs. A refused start raises `RuntimeError: can't start new thread` inside the
 * `async with`. The worker reports with `call_soon_threadsafe`; only then is it idle again.
 */
export class AnyioPool {
	private tokens: number;
	private waiters: Task[] = [];
	private idle: Worker[] = [];
	private workers: Worker[] = [];
	private calls = new Map<Task, Call>();

	constructor(
		private loop: Pick<Scheduler, 'callSoonThreadsafe'>,
		private tasks: TaskControl,
		private threads: ThreadControl,
		private totalTokens: number,
		/** The host lets a new thread start now (the rulebook's `threadsMayStart`). */
		private mayStart: () => boolean
	) {
		this.tokens = totalTokens;
	}

	/** Workers running a call or reporting it (not yet back among the idle ones). */
	get busy(): number {
		return this.workers.length - this.idle.length;
	}

	/** `async with limiter`: a token now (after a checkpoint), or a FIFO wait for one. */
	acquire(task: Task): Action | null {
		if (this.tokens > 0) {
			this.tokens--;
			return this.tasks.yieldNow(task, 'anyio checkpoint: limiter token taken');
		}
		this.waiters.push(task);
		return this.tasks.suspend(
			task,
			`anyio limiter: waiting for a token (all ${this.totalTokens} in use)`
		);
	}

	/** `run_sync(func)`: hands the call to an idle worker or starts a thread for it. */
	run(task: Task, steps: Instr[]): Action | null {
		const call: Call = { task, steps, error: null };
		this.calls.set(task, call);
		const on = `anyio.to_thread.run_sync: ${task.id}'s def endpoint`;
		const reused = this.idle.pop();
		if (reused) {
			this.give(reused, call);
			this.threads.resume(reused.thread, this.doing(reused));
			return this.tasks.suspend(task, on);
		}
		if (!this.mayStart()) {
			this.calls.delete(task);
			this.releaseToken();
			return this.tasks.fail(task, CANT_START);
		}
		const w = this.newWorker();
		this.give(w, call);
		this.threads.start(w.thread);
		task.suspendAfterWait = true;
		this.tasks.blockLoopThread(task, on);
		return { kind: 'wait', doing: `${task.id}: Thread.start() of ${w.thread.name}` };
	}

	/** Leaving `async with limiter`: the token goes back (to the first waiter, if any); the call's error raises. */
	release(task: Task): Action | null | undefined {
		const call = this.calls.get(task);
		this.calls.delete(task);
		this.releaseToken();
		return call?.error ? this.tasks.fail(task, call.error) : undefined;
	}

	private releaseToken(): void {
		const next = this.waiters.shift();
		if (next) this.tasks.wakeSoon(next);
		else this.tokens++;
	}

	private give(w: Worker, call: Call): void {
		w.call = call;
		w.pc = 0;
		if (w.phase !== 'boot') w.phase = 'run';
	}

	private doing(w: Worker): string {
		return `${(w.call as Call).task.id}: def endpoint`;
	}

	private newWorker(): Worker {
		const w: Worker = {
			thread: undefined as unknown as SimThread,
			phase: 'boot',
			call: null,
			pc: 0
		};
		w.thread = newThread(`anyio-${this.workers.length + 1}`, 'pool', () => this.next(w));
		this.workers.push(w);
		this.threads.created(w.thread);
		return w;
	}

	/** A worker thread's program: `WorkerThread.run()` taking calls from its queue. */
	private next(w: Worker): Action {
		for (;;) {
			switch (w.phase) {
				case 'boot':
					// Thread.start() returns in the loop thread once the new thread runs.
					w.phase = 'run';
					this.threads.resumeLoopThread();
					continue;
				case 'run': {
					const call = w.call;
					if (!call) return { kind: 'idle' };
					const ins = call.steps[w.pc++];
					if (!ins) {
						w.phase = 'report';
						continue;
					}
					const doing = `${this.doing(w)}, ${ins.op}`;
					if (ins.op === 'cpu') return { kind: 'py', ms: ins.ms, doing };
					if (ins.op === 'block') return { kind: 'block', ms: ins.ms, doing };
					if (ins.op === 'fail') call.error = ins.error;
					w.phase = 'report';
					continue;
				}
				case 'report': {
					const call = w.call as Call;
					w.call = null;
					w.phase = 'run';
					this.loop.callSoonThreadsafe(
						instant(`_report_result → ${call.task.id}`, call.task.id, false, () => {
							this.idle.push(w);
							this.tasks.wakeSoon(call.task);
						})
					);
					return { kind: 'idle', doing: 'anyio worker: waiting for work' };
				}
			}
		}
	}
}
