import type { Action } from './action';
import { instant } from './callback';
import type { Emit, Scheduler, TaskControl, ThreadControl } from './capabilities';
import { CANT_START } from '../rules/messages';
import { IdleSemaphorePool } from '../rules/pool';
import type { Instr } from './program';
import { QueueChanges } from './queue-changes';
import { newThread, type SimThread } from './thread';
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

/**
 * The default executor (`ThreadPoolExecutor`): `submit()` queues the work item first, then reuses
 * an idle worker or starts a new thread (lazily, up to max_workers). `Thread.start()` blocks the
 * caller until the new thread has run, which needs the GIL. When threads cannot be started at all
 * (`threads: 0`), start raises synchronously and the item stays queued.
 *
 * Which worker takes what, and when a thread starts, is the rulebook's `IdleSemaphorePool`
 * (CPython's `_idle_semaphore`); this class runs its decisions on simulated threads.
 */
export class Pool {
	private workers: Worker[] = [];
	private model: IdleSemaphorePool<WorkItem, Worker>;
	private traced = new QueueChanges();

	constructor(
		private loop: Pick<Scheduler, 'callSoonThreadsafe'>,
		private tasks: TaskControl,
		private threadControl: ThreadControl,
		private emit: Emit,
		private maxWorkers: number,
		started: number,
		/** The host lets a new thread start now (the rulebook's `threadsMayStart`). */
		private mayStart: () => boolean
	) {
		const prestarted = Array.from({ length: started }, () => {
			const w = this.newWorker();
			w.phase = 'take';
			return w;
		});
		this.model = new IdleSemaphorePool(maxWorkers, prestarted);
		if (started > 0) this.emitQueue();
	}

	/** Workers not idle: starting, working or handing a result back. */
	get busy(): number {
		return this.model.busy;
	}

	/** Threads that exist, for the frame. */
	threads(): SimThread[] {
		return this.workers.map((w) => w.thread);
	}

	/** Queued work that some thread may still run. */
	runnableQueue(): number {
		return this.model.runnable();
	}

	queueLabels(): string[] {
		return this.model.queued().map((i) => label(i));
	}

	submit(task: Task, ins: OffloadInstr): Action | null {
		const item: WorkItem = { task, ins, orphan: false };
		const { outcome, woken } = this.model.submit(item, ins.noThread, this.mayStart());
		this.traced.join(label(item));
		const waitOn = `to_thread: ${ins.work} ${ins.ms} ms`;
		// An idle worker blocked in work_queue.get() takes the item whatever the semaphore says.
		if (woken) this.threadControl.resume(woken.thread);
		if (outcome === 'token') {
			this.emitQueue();
			return this.tasks.suspend(task, woken ? waitOn : `${waitOn} (queued for a busy worker)`);
		}
		if (outcome === 'start') {
			const w = this.newWorker();
			this.emitQueue();
			this.threadControl.start(w.thread);
			task.suspendAfterWait = true;
			this.tasks.blockLoopThread(task, waitOn);
			return { kind: 'wait', doing: `${task.id}: Thread.start() of ${w.thread.name}` };
		}
		if (outcome === 'queued') {
			this.emitQueue();
			return this.tasks.suspend(task, `${waitOn} (queued: all ${this.maxWorkers} workers busy)`);
		}
		item.orphan = true;
		this.emitQueue();
		if (outcome === 'raise') return this.tasks.fail(task, CANT_START);
		const doing = `${task.id}: inline fallback, ${ins.work} ${ins.ms} ms`;
		return ins.work === 'cpu'
			? { kind: 'py', ms: ins.ms, doing }
			: { kind: 'block', ms: ins.ms, doing };
	}

	private newWorker(): Worker {
		const w: Worker = { thread: undefined as unknown as SimThread, phase: 'boot', item: null };
		w.thread = newThread(`pool-${this.workers.length + 1}`, 'pool', () => this.next(w));
		this.workers.push(w);
		this.threadControl.created(w.thread);
		return w;
	}

	/** A worker thread's program: `_worker()` taking items from the work queue. */
	private next(w: Worker): Action {
		for (;;) {
			switch (w.phase) {
				case 'boot':
					// Thread.start() returns in the submitting thread once the new thread runs.
					w.phase = 'take';
					this.threadControl.resumeLoopThread();
					continue;
				case 'take': {
					const item = this.model.take(w);
					if (!item) return { kind: 'idle' };
					this.traced.leave(label(item));
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
					this.model.finished();
					if (!item.orphan) {
						const task = item.task;
						this.loop.callSoonThreadsafe(
							instant(`executor result → ${task.id}`, task.id, false, () =>
								this.tasks.wakeSoon(task)
							)
						);
					}
					continue;
				}
			}
		}
	}

	private emitQueue(): void {
		this.emit('pool', {
			type: 'pool',
			detail: { threads: this.workers.length, ...this.traced.take() }
		});
	}
}

function label(item: WorkItem): string {
	return `${item.task.id}: ${item.ins.work} ${item.ins.ms} ms`;
}
