import type { Action } from './action';
import { instant } from './callback';
import { newThread, type SimThread } from './cpu';
import { Deque } from './deque';
import type { Instr } from './program';
import type { Sim } from './sim';
import type { Task } from './task';

type OffloadInstr = Extract<Instr, { op: 'offload' }>;

interface WorkItem {
	task: Task;
	ins: OffloadInstr;
	/** Left queued by a failed submit (F20): it runs if a pool thread ever frees up, and nobody awaits it. */
	orphan: boolean;
}

interface Worker {
	thread: SimThread;
	phase: 'boot' | 'take' | 'finish';
	item: WorkItem | null;
}

export const CANT_START = "RuntimeError: can't start new thread";

/**
 * The default executor (`ThreadPoolExecutor`): `submit()` queues the work item first, then reuses
 * an idle worker or starts a new thread (lazily, up to max_workers). `Thread.start()` blocks the
 * caller until the new thread has run, which needs the GIL. When threads cannot be started at all
 * (`threads: 0`), start raises synchronously and the item stays queued.
 *
 * Like CPython, it decides whether to start a thread from `_idle_semaphore`, not from the threads
 * actually idle: every finished work item releases it, an orphaned second run included, so a submit
 * may find a token while every thread is busy and queue its item instead of starting a thread.
 */
export class Pool {
	private workers: Worker[] = [];
	private idle: Worker[] = [];
	private queue = new Deque<WorkItem>();
	/** Workers not idle: starting, working or handing a result back. */
	busy = 0;
	/** `_idle_semaphore`: one release per finished work item (pre-started threads each ran one). */
	private idleTokens: number;

	constructor(
		private sim: Sim,
		private maxWorkers: number,
		started: number
	) {
		this.idleTokens = started;
		for (let i = 0; i < started; i++) {
			const w = this.newWorker();
			w.phase = 'take';
			this.idle.push(w);
		}
		if (started > 0) this.emitQueue();
	}

	/** Threads that exist, for the frame. */
	threads(): SimThread[] {
		return this.workers.map((w) => w.thread);
	}

	/** Queued work that some thread may still run. */
	runnableQueue(): number {
		return this.workers.length > 0 ? this.queue.length : 0;
	}

	queueLabels(): string[] {
		return this.queue.toArray().map((i) => label(i));
	}

	submit(task: Task, ins: OffloadInstr): Action | null {
		const item: WorkItem = { task, ins, orphan: false };
		this.queue.push(item);
		const waitOn = `to_thread: ${ins.work} ${ins.ms} ms`;
		// An idle worker blocked in work_queue.get() takes the item whatever the semaphore says.
		const idle = this.idle.shift();
		if (idle) this.wakeWorker(idle);
		if (this.idleTokens > 0) {
			this.idleTokens--;
			this.emitQueue();
			return this.sim.tasks.suspend(task, idle ? waitOn : `${waitOn} (queued for a busy worker)`);
		}
		if (this.maxWorkers > 0 && this.workers.length < this.maxWorkers) {
			const w = this.newWorker();
			this.emitQueue();
			this.busy++;
			this.sim.cpu.start(w.thread);
			task.suspendAfterWait = true;
			this.sim.tasks.setState(task, 'running', waitOn);
			return { kind: 'wait', doing: `${task.id}: Thread.start() of ${w.thread.name}` };
		}
		if (this.maxWorkers > 0) {
			this.emitQueue();
			return this.sim.tasks.suspend(
				task,
				`${waitOn} (queued: all ${this.maxWorkers} workers busy)`
			);
		}
		item.orphan = true;
		this.emitQueue();
		if (ins.noThread === 'raise') return this.sim.tasks.fail(task, CANT_START);
		const doing = `${task.id}: inline fallback, ${ins.work} ${ins.ms} ms`;
		return ins.work === 'cpu'
			? { kind: 'py', ms: ins.ms, doing }
			: { kind: 'block', ms: ins.ms, doing };
	}

	private newWorker(): Worker {
		const w: Worker = { thread: undefined as unknown as SimThread, phase: 'boot', item: null };
		w.thread = newThread(`pool-${this.workers.length + 1}`, () => this.next(w));
		this.workers.push(w);
		this.sim.threadCreated(w.thread);
		return w;
	}

	private wakeWorker(w: Worker): void {
		this.busy++;
		this.sim.cpu.resume(w.thread);
	}

	/** A worker thread's program: `_worker()` taking items from the work queue. */
	private next(w: Worker): Action {
		for (;;) {
			switch (w.phase) {
				case 'boot':
					// Thread.start() returns in the submitting thread once the new thread runs.
					w.phase = 'take';
					this.sim.cpu.resume(this.sim.loopThread);
					continue;
				case 'take': {
					const item = this.queue.shift();
					if (!item) {
						this.busy--;
						this.idle.push(w);
						return { kind: 'idle' };
					}
					this.emitQueue();
					w.item = item;
					w.phase = 'finish';
					const doing = `${label(item)}${item.orphan ? ' (second run)' : ''}`;
					return item.ins.work === 'cpu'
						? { kind: 'py', ms: item.ins.ms, doing }
						: { kind: 'block', ms: item.ins.ms, doing };
				}
				case 'finish': {
					const item = w.item as WorkItem;
					w.item = null;
					w.phase = 'take';
					this.idleTokens++;
					if (!item.orphan) {
						const task = item.task;
						this.sim.loop.callSoonThreadsafe(
							instant(`executor result → ${task.id}`, task.id, false, () =>
								this.sim.tasks.wakeSoon(task)
							)
						);
					}
					continue;
				}
			}
		}
	}

	private emitQueue(): void {
		this.sim.emit('pool', {
			type: 'pool',
			detail: { queue: this.queueLabels(), threads: this.workers.length }
		});
	}
}

function label(item: WorkItem): string {
	return `${item.task.id}: ${item.ins.work} ${item.ins.ms} ms`;
}
