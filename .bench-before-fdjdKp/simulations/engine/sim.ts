import { VirtualClock } from '../clock';
import { roundMs, unfinishedRequests, type Warning } from '../result';
import type { Scenario } from '../scenario/types';
import type { TraceBody, TraceEvent } from '../trace';
import { instant, type Callback } from './callback';
import { Cpu, newThread, type SimThread } from './cpu';
import { Locks } from './locks';
import { EventLoop } from './loop';
import { Pool } from './pool';
import { compile, heartbeatProgram, lagMonitorProgram, type Instr } from './program';
import { describeWaits } from './reasons';
import { RpcClient } from './rpc';
import type { RequestRecord } from './task';
import { Tasks } from './tasks';

/** More scheduling steps than this end the run: no valid scenario may freeze its caller. */
export const STEP_BUDGET = 2_000_000;

export interface SimOptions {
	trace?: boolean;
	/** Pause after this many scheduling steps (tests compare the live state with a replayed frame). */
	maxSteps?: number;
}

/** One run of a scenario: owns the clock, the threads, the loop, the pool, the locks and the trace. */
export class Sim {
	readonly clock = new VirtualClock();
	readonly cpu: Cpu;
	readonly loop: EventLoop;
	readonly loopThread: SimThread;
	readonly tasks: Tasks;
	readonly pool: Pool;
	readonly locks: Locks;
	readonly rpc: RpcClient;
	readonly requests: RequestRecord[];
	readonly heartbeats: number[] = [];
	readonly lag: { atMs: number; lagMs: number }[] = [];
	readonly warnings: Warning[] = [];
	readonly trace: TraceEvent[] | null;
	hung: { atMs: number; reason: string } | null = null;
	outcome: 'completed' | 'hung' | null = null;
	ended = false;
	/** Scheduling steps taken: one per clock event (arrival, segment end, timeout, …). */
	steps = 0;
	/** Requests whose bytes have reached the server. */
	readonly arrived = new Set<string>();
	private programs = new Map<string, Instr[]>();
	private arrivalsLeft: number;
	/** runUntilComplete: requests waiting in the host for the current call to return. */
	readonly hostQueue: { index: number; id: string }[] = [];
	/** What each request that ever waited in the host was told (frames keep it until its task starts). */
	readonly hostWaits = new Map<string, string>();
	/** runUntilComplete: the request whose run_until_complete() call is under way. */
	private hostCall: string | null = null;
	/** Requests that have returned or raised. */
	private requestsEnded = 0;
	private ioInFlight = 0;
	private lastGil = '';

	constructor(
		readonly scenario: Scenario,
		private options: SimOptions = {}
	) {
		const rt = scenario.runtime;
		this.trace = options.trace || options.maxSteps !== undefined ? [] : null;
		this.cpu = new Cpu(this.clock, rt.gil, rt.cores, rt.switchIntervalMs, {
			changed: (th) => this.threadChanged(th),
			selected: (timeoutMs) => this.loop.selected(timeoutMs)
		});
		this.loop = new EventLoop(this);
		this.loopThread = newThread('loop', () => this.loop.next());
		this.threadCreated(this.loopThread);
		this.tasks = new Tasks(this);
		this.locks = new Locks(this);
		this.rpc = new RpcClient(this);
		this.pool = new Pool(this, rt.threads, rt.threadsStarted);
		for (const [name, handler] of Object.entries(scenario.handlers)) {
			this.programs.set(name, compile(handler.steps, `handlers.${name}.steps`));
		}
		this.requests = unfinishedRequests(scenario);
		this.arrivalsLeft = this.requests.length;
	}

	now(): number {
		return this.clock.now();
	}

	/** Runs until every request has ended, nothing more can happen, or the limit. */
	run(): void {
		this.startBackground();
		this.cpu.start(this.loopThread);
		this.scenario.requests.forEach((spec, i) => {
			this.clock.at(spec.at, () => this.arrive(i));
		});
		const limit = this.scenario.limitMs;
		while (!this.ended) {
			if (this.steps === this.options.maxSteps) return;
			const next = this.clock.next();
			// Work nobody awaits (a failed submit's second run, F20) may finish after the last response.
			if (next === null) return this.end(this.finished() ? 'done' : 'nothing');
			if (next > limit) {
				this.clock.advanceTo(limit);
				return this.end('limit');
			}
			if (this.steps >= STEP_BUDGET) return this.end('budget');
			this.clock.step();
			this.steps++;
		}
	}

	private arrive(index: number): void {
		const spec = this.scenario.requests[index];
		this.arrivalsLeft--;
		this.arrived.add(spec.id);
		this.emit(spec.id, { type: 'arrive', detail: {} });
		if (this.scenario.runtime.host === 'loop') return this.deliver(index);
		if (this.hostCall === null) return this.deliver(index);
		const on = `in the host: run_until_complete() is busy with ${this.hostCall}`;
		this.hostQueue.push({ index, id: spec.id });
		this.hostWaits.set(spec.id, on);
		this.emit(spec.id, { type: 'task', detail: { state: 'arrived', on } });
	}

	/** The request reaches the loop: read off a socket, or handed in by run_until_complete. */
	private deliver(index: number): void {
		const spec = this.scenario.requests[index];
		if (this.scenario.runtime.host === 'runUntilComplete') this.hostCall = spec.id;
		const record = this.requests[index];
		const program = this.programs.get(spec.handler) as Instr[];
		const label =
			this.scenario.runtime.host === 'loop'
				? `read request ${spec.id}`
				: `run_until_complete(${spec.handler}()) for ${spec.id}`;
		this.loop.ioReady({
			cb: instant(label, spec.id, false, () => {
				this.tasks.spawn(this.tasks.create(spec.id, 'request', program, record));
			})
		});
	}

	/** Background tasks started before t = 0 are mid-sleep, their next wake-up on their cadence. */
	private startBackground(): void {
		for (const bg of this.scenario.background) {
			const program =
				bg.kind === 'heartbeat' ? heartbeatProgram(bg.everyMs) : lagMonitorProgram(bg.everyMs);
			const task = this.tasks.create(bg.kind, 'background', program, null);
			const k = Math.max(1, Math.ceil(-bg.startMs / bg.everyMs));
			const due = bg.startMs + k * bg.everyMs;
			task.pc = bg.kind === 'heartbeat' ? 1 : 2;
			task.mark = due - bg.everyMs;
			this.tasks.suspend(task, `asyncio.sleep(${bg.everyMs} ms)`);
			this.loop.addTimerAt(due, this.tasks.resolver(`sleep done → ${task.id}`, task));
		}
	}

	/** Awaited non-blocking I/O: the selector reports it ready after `ms`. */
	io(ms: number, label: string, effect: () => void): void {
		this.ioInFlight++;
		this.clock.at(this.now() + ms, () => {
			this.ioInFlight--;
			this.loop.ioReady({ cb: instant(label, label, false, effect) });
		});
	}

	requestEnded(record: RequestRecord, status: 'ok' | 'error', error?: string): void {
		record.endMs = this.now();
		record.status = status;
		if (error !== undefined) record.error = error;
		this.requestsEnded++;
		this.emit(record.id, {
			type: 'done',
			detail: error === undefined ? { status } : { status, error }
		});
		if (this.hostCall !== record.id) return;
		this.hostCall = null;
		const next = this.hostQueue.shift();
		if (next) this.deliver(next.index);
	}

	recordLag(lagMs: number): void {
		this.lag.push({ atMs: roundMs(this.now()), lagMs: roundMs(lagMs) });
		this.emit('lagMonitor', { type: 'lag', detail: { lagMs } });
	}

	warn(w: Omit<Warning, 'atMs'>): void {
		const warning = { atMs: roundMs(this.now()), ...w };
		this.warnings.push(warning);
		this.emit('loop', { type: 'warning', detail: { kind: w.kind, message: w.message } });
	}

	/** Debug mode logs every callback or task step that ran for slow_callback_duration or longer. */
	callbackReturned(cb: Callback, ms: number): void {
		const rt = this.scenario.runtime;
		if (!rt.debug || ms < rt.slowCallbackMs) return;
		const seconds = (ms / 1000).toFixed(3);
		this.warn({
			kind: 'slowCallback',
			task: cb.owner,
			ms: roundMs(ms),
			message: `Executing <${cb.label}> took ${seconds} seconds`
		});
	}

	/**
	 * The loop fell asleep in select(). The run ends here, once the loop has caught up with what
	 * the requests left behind (a lag probe queued behind the last handler still reports), or
	 * as hung when only background tasks could ever run again.
	 */
	loopAsleep(): void {
		if (this.finished()) return this.end('done');
		if (this.requestsEnded === this.requests.length && this.tasks.live === 0) return;
		if (this.canProgress()) return;
		this.hang('stalled');
	}

	/** The loop thread blocks in `blockedIn` for good: the run ends hung with `reason`. */
	deadlock(reason: string, blockedIn: string): void {
		this.cpu.blockForGood(this.loopThread, blockedIn);
		this.hung = { atMs: roundMs(this.now()), reason };
		this.stop();
	}

	private canProgress(): boolean {
		const loop = this.loop;
		return (
			this.arrivalsLeft > 0 ||
			this.ioInFlight > 0 ||
			this.rpc.inFlight > 0 ||
			this.pool.busy > 0 ||
			this.pool.runnableQueue() > 0 ||
			loop.foregroundReady > 0 ||
			loop.foregroundTimers > 0 ||
			loop.foregroundIo() > 0 ||
			(loop.current !== null && !loop.current.cb.background)
		);
	}

	private finished(): boolean {
		return (
			this.requestsEnded === this.requests.length &&
			this.tasks.live === 0 &&
			this.pool.busy === 0 &&
			this.pool.runnableQueue() === 0
		);
	}

	private end(why: 'done' | 'nothing' | 'limit' | 'budget'): void {
		if (why !== 'done') this.hang(why);
		else this.stop();
	}

	private hang(why: 'nothing' | 'stalled' | 'limit' | 'budget'): void {
		const heads = {
			limit: `limit of ${this.scenario.limitMs} ms reached`,
			budget: `stopped after ${STEP_BUDGET} scheduling steps, the engine's budget (shorten limitMs or slow down the background tasks)`,
			stalled: 'only background tasks can still run; nothing will ever resume the requests',
			nothing:
				'nothing can ever happen again: the loop is asleep in select() with no timer, no I/O in flight and no thread running'
		};
		const head = heads[why];
		this.hung = { atMs: roundMs(this.now()), reason: `${head}; ${describeWaits(this)}` };
		this.stop();
	}

	private stop(): void {
		this.ended = true;
		this.loop.stop();
		const outcome = this.hung ? 'hung' : 'completed';
		this.outcome = outcome;
		if (this.hung) this.emit('run', { type: 'hung', detail: { reason: this.hung.reason } });
		this.emit('run', { type: 'end', detail: { outcome } });
	}

	private threadChanged(th: SimThread): void {
		if (!this.trace) return;
		this.emit(th.name, { type: 'thread', detail: { state: th.state, doing: th.doing } });
		const holder = this.cpu.holder()?.name ?? null;
		const waiters = this.cpu.waiting().map((w) => w.name);
		const key = `${holder}|${waiters.join(',')}`;
		if (key === this.lastGil || !this.scenario.runtime.gil) return;
		this.lastGil = key;
		this.emit('gil', { type: 'gil', detail: { holder, waiters } });
	}

	/** Appends a trace event (only when tracing). */
	emit(actor: string, body: TraceBody): void {
		const trace = this.trace;
		if (!trace) return;
		const detail: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(body.detail)) {
			detail[k] = typeof v === 'number' ? roundMs(v) : v;
		}
		trace.push({
			t: roundMs(this.now()),
			seq: trace.length,
			actor,
			type: body.type,
			detail
		} as TraceEvent);
	}

	/** Emits a thread's state; threads appear in the trace from their creation. */
	threadCreated(th: SimThread): void {
		this.threadChanged(th);
	}
}
