import { plainEvents, stepTask, type TaskEvent } from '../machines';
import { lagSample } from '../rules/background';
import { resultOnLoopDeadlock } from '../rules/messages';
import type { TaskState } from '../trace';
import type { Action } from './action';
import { instant, type Callback } from './callback';
import type { Deadlock, Emit, Handoff, Scheduler, TaskControl } from './capabilities';
import type { Collect } from '../scenario/types';
import type { Instr } from './program';
import type { Gather, RequestRecord, Task } from './task';

type OffloadInstr = Extract<Instr, { op: 'offload' }>;
type RpcInstr = Extract<Instr, { op: 'rpc' }>;
type SyncInstr = Extract<Instr, { op: 'anyioAcquire' | 'anyioRelease' | 'runSync' }>;

/** What a coroutine's awaits reach outside the task: I/O, the pool, locks, the RPC client, the run's records. */
export interface Awaits {
	now(): number;
	/** Awaited non-blocking I/O: `effect` runs once the selector reports it ready after `ms`. */
	io(ms: number, label: string, effect: () => void): void;
	offload(task: Task, ins: OffloadInstr): Action | null;
	acquire(task: Task, lock: string, kind: 'thread' | 'asyncio'): Action | null | undefined;
	release(task: Task, lock: string): void;
	rpc(task: Task, ins: RpcInstr): void;
	/** A FastAPI `def` endpoint's limiter and worker thread (anyio). */
	syncCall(task: Task, ins: SyncInstr): Action | null | undefined;
	beat(): void;
	/** The lag monitor's sample. */
	lag(sample: { atMs: number; lagMs: number }): void;
	deadlock: Deadlock;
	/** A cross-thread hand-off (run_coroutine_threadsafe, a fut.result() wait). */
	handoff: Handoff;
	/** A request's handler returned or raised. */
	requestEnded(record: RequestRecord, status: 'ok' | 'error', error?: string): void;
}

// Bound once: a transpiled re-export is a getter, and every task step reads it.
const taskStep = stepTask;
const TASK_EVENTS = plainEvents<TaskEvent['type']>([
	'SCHEDULE',
	'RUN_STEP',
	'AWAIT',
	'YIELD',
	'BLOCK_LOOP_THREAD',
	'RETURN',
	'RAISE'
]);

/** Creates tasks and steps their coroutines: run instructions until an await suspends or the coroutine ends. */
export class Tasks implements TaskControl {
	readonly all: Task[] = [];
	/** Every task by id (ids are unique: requests, their branches `r1/2`, background kinds). */
	private readonly byId = new Map<string, Task>();
	/** Tasks that are not background tasks and have not ended. */
	live = 0;

	constructor(
		private loop: Pick<Scheduler, 'callSoon' | 'callSoonThreadsafe' | 'callLater'>,
		private emit: Emit,
		private awaits: Awaits
	) {}

	create(id: string, kind: Task['kind'], program: Instr[], request: RequestRecord | null): Task {
		const task: Task = {
			id,
			kind,
			request,
			program,
			pc: 0,
			state: 'pending',
			on: null,
			held: [],
			gather: null,
			resumeError: null,
			suspendAfterWait: false,
			mark: 0,
			step: undefined as unknown as Callback
		};
		task.step = {
			label: `${id} step`,
			owner: id,
			background: kind === 'background',
			run: () => this.step(task)
		};
		this.all.push(task);
		this.byId.set(id, task);
		if (kind !== 'background') this.live++;
		return task;
	}

	/** The task whose step `cb` is, if it is one. */
	stepping(cb: Callback): Task | null {
		const task = this.byId.get(cb.owner);
		return task?.step === cb ? task : null;
	}

	/** `loop.create_task(coro)`: the first step is scheduled with call_soon. */
	spawn(task: Task): void {
		this.send(task, 'SCHEDULE', null);
		this.loop.callSoon(task.step);
	}

	/** Resumes a suspended task through call_soon (what a future's done callback does). */
	wakeSoon(task: Task): void {
		this.send(task, 'SCHEDULE', null);
		this.loop.callSoon(task.step);
	}

	yieldNow(task: Task, on: string): null {
		this.loop.callSoon(task.step);
		this.send(task, 'YIELD', on);
		return null;
	}

	markReady(task: Task, on: string | null): void {
		this.send(task, 'SCHEDULE', on);
	}

	blockLoopThread(task: Task, on: string): void {
		this.send(task, 'BLOCK_LOOP_THREAD', on);
	}

	/** A callback that resolves a future and so schedules the task's next step. */
	resolver(label: string, task: Task): Callback {
		return instant(label, task.id, task.kind === 'background', () => this.wakeSoon(task));
	}

	private step(task: Task): Action | null {
		if (task.suspendAfterWait) {
			task.suspendAfterWait = false;
			return this.suspend(task, task.on ?? 'executor future');
		}
		if (task.state !== 'running') {
			if (task.request && task.request.startMs === null) task.request.startMs = this.awaits.now();
			this.send(task, 'RUN_STEP', null);
		}
		if (this.waitsForNext(task))
			return this.suspend(task, this.collectingOn(task.collecting as Gather));
		if (task.resumeError !== null) {
			const error = task.resumeError;
			task.resumeError = null;
			return this.fail(task, error);
		}
		for (;;) {
			const ins = task.program[task.pc];
			if (!ins) return this.finish(task);
			task.pc++;
			const action = this.execute(task, ins);
			if (action !== undefined) return action;
		}
	}

	/** Runs one instruction; undefined means "carry on with the next one". */
	private execute(task: Task, ins: Instr): Action | null | undefined {
		const awaits = this.awaits;
		switch (ins.op) {
			case 'cpu':
				return { kind: 'py', ms: ins.ms, doing: `${task.id}: Python (${ins.ms} ms)` };
			case 'block':
				return { kind: 'block', ms: ins.ms, doing: `${task.id}: blocking call (${ins.ms} ms)` };
			case 'sleep':
				if (ins.ms === 0) return this.yieldNow(task, 'asyncio.sleep(0)');
				this.loop.callLater(ins.ms, this.resolver(`sleep done → ${task.id}`, task));
				return this.suspend(task, `asyncio.sleep(${ins.ms} ms)`);
			case 'io':
				awaits.io(ins.ms, `I/O ready → ${task.id}`, () => this.wakeSoon(task));
				return this.suspend(task, `awaited I/O (${ins.ms} ms)`);
			case 'offload':
				return awaits.offload(task, ins);
			case 'acquire':
				return awaits.acquire(task, ins.lock, ins.kind);
			case 'release':
				awaits.release(task, ins.lock);
				return undefined;
			case 'gather':
				return this.gather(task, ins.branches, ins.collect);
			case 'rpc':
				awaits.rpc(task, ins);
				return this.suspend(task, `rpc response`);
			case 'threadsafeResult':
				return this.threadsafeResult(task, ins.program, ins.timeoutMs);
			case 'fail':
				return this.fail(task, ins.error);
			case 'anyioAcquire':
			case 'runSync':
			case 'anyioRelease':
				return awaits.syncCall(task, ins);
			case 'beat':
				awaits.beat();
				this.emit(task.id, { type: 'beat', detail: {} });
				return undefined;
			case 'mark':
				task.mark = awaits.now();
				return undefined;
			case 'lag':
				awaits.lag(lagSample(awaits.now(), task.mark, ins.everyMs));
				return undefined;
			case 'loop':
				task.pc = 0;
				return undefined;
		}
	}

	private gather(task: Task, branches: Instr[][], collect: Collect): null {
		const g: Gather = { parent: task, remaining: branches.length, settled: false };
		if (collect === 'asCompleted') {
			g.asCompleted = { total: branches.length, scheduled: false };
			task.collecting = g;
		}
		branches.forEach((program, i) => {
			const child = this.create(`${task.id}/${i + 1}`, 'child', program, null);
			child.gather = g;
			this.spawn(child);
		});
		return this.suspend(task, this.collectingOn(g));
	}

	private collectingOn(g: Gather): string {
		const n = g.asCompleted?.total ?? g.remaining;
		return g.asCompleted ? `as_completed: ${n - g.remaining} of ${n} done` : `gather of ${n}`;
	}

	/**
	 * as_completed: the parent took every result queued so far (`done.get()` does not suspend on
	 * a non-empty queue); true when it must wait for the next one.
	 */
	private waitsForNext(task: Task): boolean {
		const g = task.collecting;
		if (!g?.asCompleted) return false;
		g.asCompleted.scheduled = false;
		if (g.remaining > 0 && !g.settled) return true;
		task.collecting = null;
		return false;
	}

	/**
	 * run_coroutine_threadsafe() queues the coroutine with call_soon_threadsafe; `.result()` then
	 * blocks the calling thread, here the loop thread, so the coroutine cannot run until the wait
	 * ends: never without a timeout (F27), else after it, with TimeoutError raised in the handler.
	 */
	private threadsafeResult(task: Task, program: Instr[], timeoutMs: number | null): Action | null {
		const child = this.create(`${task.id}/coro`, 'child', program, null);
		this.loop.callSoonThreadsafe(
			instant(`run_coroutine_threadsafe → ${child.id}`, child.id, false, () => this.spawn(child))
		);
		const wait = timeoutMs === null ? 'fut.result()' : `fut.result(timeout=${timeoutMs / 1000})`;
		this.awaits.handoff({
			from: 'loop',
			to: 'loop',
			kind: 'runCoroutineThreadsafe',
			what: `run_coroutine_threadsafe(coro, loop) from ${task.id}, on the loop's own thread: ${child.id} is queued with call_soon_threadsafe`,
			woke: true
		});
		this.awaits.handoff({
			from: 'loop',
			to: 'loop',
			kind: 'resultWait',
			what: `${wait} in ${task.id} blocks the loop thread, the only thread that can run ${child.id}`,
			woke: false
		});
		if (timeoutMs === null) {
			this.blockLoopThread(task, `concurrent.futures.Future.result() for ${child.id}`);
			this.awaits.deadlock(
				resultOnLoopDeadlock(task.id, child.id),
				`${task.id}: Future.result() for ${child.id}`
			);
			return { kind: 'stop' };
		}
		task.resumeError = 'TimeoutError';
		return {
			kind: 'block',
			ms: timeoutMs,
			doing: `${task.id}: Future.result(timeout=${timeoutMs} ms)`
		};
	}

	/** The task awaits something: the callback returns and the loop moves on. */
	suspend(task: Task, on: string): null {
		this.send(task, 'AWAIT', on);
		return null;
	}

	private finish(task: Task): null {
		this.end(task, 'RETURN', null);
		if (task.request) this.awaits.requestEnded(task.request, 'ok');
		return null;
	}

	/** The coroutine raises: `with`/`async with` blocks release their locks on the way out. */
	fail(task: Task, error: string): null {
		for (let i = task.held.length - 1; i >= 0; i--) this.awaits.release(task, task.held[i].lock);
		this.end(task, 'RAISE', error);
		if (task.request) this.awaits.requestEnded(task.request, 'error', error);
		return null;
	}

	private end(task: Task, event: 'RETURN' | 'RAISE', error: string | null): void {
		this.send(task, event, null);
		if (task.kind !== 'background') this.live--;
		const g = task.gather;
		if (!g) return;
		// The task's done callback runs via call_soon; gather's outer future settles there.
		this.loop.callSoon(
			instant(`gather: ${task.id} done`, g.parent.id, false, () => this.childDone(g, error))
		);
	}

	private childDone(g: Gather, error: string | null): void {
		if (g.settled) return;
		g.remaining--;
		const each = g.asCompleted;
		if (each) {
			// _on_completion puts the child in as_completed's queue; a waiting get() wakes the parent.
			if (error !== null || g.remaining === 0) g.settled = true;
			if (error !== null) g.parent.resumeError = error;
			if (each.scheduled) return;
			each.scheduled = true;
			return this.wakeSoon(g.parent);
		}
		if (error === null && g.remaining > 0) return;
		g.settled = true;
		g.parent.resumeError = error;
		this.wakeSoon(g.parent);
	}

	/** Steps the task machine and reports the state it enters. */
	private send(task: Task, event: TaskEvent['type'], on: string | null): void {
		task.state = taskStep(task.state, TASK_EVENTS[event]).value;
		task.on = on;
		this.emit(task.id, { type: 'task', detail: { state: task.state as TaskState, on } });
	}
}
