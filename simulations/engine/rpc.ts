import type { Action } from './action';
import { instant } from './callback';
import type { Instr } from './program';
import type { Emit, Handoff, Scheduler, TaskControl, ThreadControl, Timers } from './capabilities';
import { NON_THREADSAFE } from '../rules/excepthook';
import type { Task } from './task';
import { newThread, type SimThread } from './thread';

/** What the reader thread does between responses (`for line in proc.stdout`). */
const READING = 'os.read() on the pipe';

type RpcInstr = Extract<Instr, { op: 'rpc' }>;

/**
 * A JSON-RPC client talking over a pipe to one server that answers requests in order, `ms`
 * each. The response reaches the waiting coroutine by the step's hand-off: the selector
 * (`add_reader`), a reader thread with `call_soon_threadsafe`, or a reader thread that resolves
 * the future directly (`unsafe`: queued without waking the loop). `singleSlot` keeps one pending
 * future, which a later request overwrites.
 */
export class RpcClient {
	private nextId = 1;
	private serverFreeAt = 0;
	private pending = new Map<number, Task>();
	/** The request id each task in `pending` waits for (a task awaits one response at a time). */
	private pendingOf = new Map<Task, number>();
	private slot: Task | null = null;
	/** Tasks whose future a later request pushed out of the single slot. */
	private overwritten = new Set<Task>();
	private readerAlive = true;
	/** The reader thread, from the first request whose response a thread reads. */
	private reader: SimThread | null = null;
	/** What the reader thread does with each response it has read, in order. */
	private readerJobs: { doing: string; run: () => Action | null }[] = [];
	/** Responses on their way (they can still wake someone). */
	inFlight = 0;

	constructor(
		private clock: Pick<Timers, 'now' | 'at'>,
		private emit: Emit,
		private loop: Pick<Scheduler, 'callSoon' | 'callSoonThreadsafe' | 'callSoonUnsafe' | 'ioReady'>,
		private tasks: Pick<TaskControl, 'markReady' | 'suspend'>,
		private threads: Pick<ThreadControl, 'created' | 'resume'>,
		private handoff: Handoff,
		private debug: { enabled: boolean; warn: (task: string, message: string) => void },
		/** The reader thread's name (its lane). */
		private readerName = 'reader'
	) {}

	send(task: Task, ins: RpcInstr): void {
		if (ins.handoff !== 'selector' && !this.reader) this.startReader();
		const id = this.nextId++;
		const at = Math.max(this.clock.now(), this.serverFreeAt) + ins.ms;
		this.serverFreeAt = at;
		if (ins.client === 'perRequest') {
			this.pending.set(id, task);
			this.pendingOf.set(task, id);
		} else {
			if (this.slot) this.overwritten.add(this.slot);
			this.slot = task;
		}
		this.inFlight++;
		this.emit('client', { type: 'rpc', detail: { id, what: `${task.id} sends request #${id}` } });
		this.clock.at(at, () => {
			this.inFlight--;
			this.arrive(id, ins);
		});
	}

	private arrive(id: number, ins: RpcInstr): void {
		if (ins.handoff === 'selector') {
			this.loop.ioReady(
				instant(`read response #${id}`, 'client', false, () => this.deliver(id, true))
			);
			return;
		}
		if (!this.readerAlive) {
			this.emit('client', {
				type: 'rpc',
				detail: { id, what: `response #${id} never read: the reader thread has died` }
			});
			return;
		}
		if (ins.handoff === 'threadsafe') {
			this.onReader(`call_soon_threadsafe(fut.set_result, response #${id})`, () => {
				this.loop.callSoonThreadsafe(
					instant(`set_result #${id}`, 'client', false, () => this.deliver(id, true))
				);
				this.handoff({
					from: this.readerName,
					to: 'loop',
					kind: 'threadsafe',
					what: `call_soon_threadsafe(fut.set_result, response #${id}): the self-pipe byte wakes select()`,
					woke: true
				});
				return null;
			});
			return;
		}
		this.onReader(`fut.set_result(response #${id})`, () => {
			if (this.debug.enabled) return this.debugCheckFails(id);
			this.deliver(id, false);
			this.handoff({
				from: this.readerName,
				to: 'loop',
				kind: 'unsafe',
				what: `fut.set_result(response #${id}) from the reader thread: queued, nothing wakes select()`,
				woke: false
			});
			return null;
		});
	}

	/** The reader thread exists before the first response: blocked reading the pipe. */
	private startReader(): void {
		const th = newThread(this.readerName, 'reader', () => this.readerNext());
		th.state = 'blocked';
		th.doing = READING;
		this.reader = th;
		this.threads.created(th);
	}

	/** The reader thread reads a response and runs `run` (with the GIL, when there is one). */
	private onReader(doing: string, run: () => Action | null): void {
		const reader = this.reader as SimThread;
		this.readerJobs.push({ doing, run });
		if (reader.state === 'blocked' && this.readerJobs.length === 1) {
			this.threads.resume(reader, doing);
		}
	}

	/** The reader thread's program: each response read, then back to reading. */
	private readerNext(): Action {
		const job = this.readerJobs.shift();
		const ended = job?.run();
		if (ended) return ended;
		const next = this.readerJobs[0];
		if (next) return { kind: 'py', ms: 0, doing: next.doing };
		return { kind: 'wait', doing: READING };
	}

	/** Resolves the future waiting for response `id`; `onLoop` false = from the reader thread. */
	private deliver(id: number, onLoop: boolean): void {
		const task = this.claim(id);
		if (!task) return;
		this.tasks.markReady(
			task,
			onLoop ? null : 'queued from the reader thread; nothing woke the loop'
		);
		if (onLoop) this.loop.callSoon(task.step);
		else this.loop.callSoonUnsafe(task.step);
	}

	private claim(id: number): Task | null {
		let task: Task | null;
		if (this.pending.has(id)) {
			task = this.pending.get(id) as Task;
			this.pending.delete(id);
			this.pendingOf.delete(task);
		} else {
			task = this.slot;
			this.slot = null;
		}
		const what = task
			? `response #${id} resolves ${task.id}'s future`
			: `response #${id} dropped: no future is waiting in the client's single slot`;
		this.emit('client', { type: 'rpc', detail: { id, what } });
		return task;
	}

	/**
	 * Debug mode's `_check_thread()` raises in the reader thread from `set_result`, after the
	 * future was marked done: the task is never woken and the reader thread dies (F11).
	 */
	private debugCheckFails(id: number): Action {
		const task = this.claim(id);
		this.readerAlive = false;
		this.readerJobs = [];
		const message = `${NON_THREADSAFE} (raised in the reader thread, which dies)`;
		this.debug.warn(task?.id ?? 'client', message);
		this.handoff({
			from: this.readerName,
			to: 'loop',
			kind: 'unsafe',
			what: `fut.set_result(response #${id}) from the reader thread: _check_thread() raises, nothing is scheduled`,
			woke: false
		});
		if (task)
			this.tasks.suspend(task, `response #${id}: future done, but its wake-up was never scheduled`);
		return { kind: 'idle', doing: `exited: ${NON_THREADSAFE.split(':')[0]} (see stderr)` };
	}

	/** Why a task that waits for a response will never get it, for hang reasons. */
	describe(task: Task): string | null {
		const id = this.pendingOf.get(task);
		if (id !== undefined) return `response #${id}`;
		if (this.slot === task) return 'the response in the single slot';
		return this.overwritten.has(task)
			? 'a response that will never come: the client keeps a single slot and a later request overwrote its future'
			: null;
	}
}
