import { VirtualClock } from '../clock';
import { roundMs, unfinishedRequests, type Outcome, type Stopped, type Warning } from '../result';
import { firstWake } from '../rules/background';
import { slowCallbackWarning } from '../rules/messages';
import { EVENT_BUDGET, stopReason } from '../rules/stop';
import { threadsMayStart } from '../rules/pool';
import { readerName, readerSetResultTraceback } from '../rules/excepthook';
import { createTaskNamer, stepRepr } from '../rules/task-repr';
import type { Scenario } from '../scenario/types';
import type { Frame } from '../frame';
import type { LogSource, TraceEvent } from '../trace';
import { Arrivals } from './arrivals';
import { instant, type Callback } from './callback';
import type { Deadlock, Emit, Handoff } from './capabilities';
import { Cpu } from './cpu';
import { Locks } from './locks';
import { EventLoop } from './loop';
import { Pool } from './pool';
import { AnyioPool } from './anyio';
import { compileHandler, heartbeatProgram, lagMonitorProgram, type Instr } from './program';
import { describeWaits } from './reasons';
import { RpcClient } from './rpc';
import type { RequestRecord } from './task';
import { Tasks } from './tasks';
import { newThread, type SimThread } from './thread';
import { selectSleepMs } from './timer-lateness';
import { Tracer } from './tracer';

export interface SimOptions {
	trace?: boolean;
	/**
	 * Stop (`stopped`, why `budget`) once the run has taken this many scheduling steps or emitted
	 * this many events, traced or not (default `EVENT_BUDGET`): it bounds the time, the memory
	 * and the trace of any valid scenario.
	 */
	budget?: number;
	/** Pause after this many scheduling steps (tests compare the live state with a replayed frame). */
	maxSteps?: number;
	/**
	 * Runs on to `limitMs` after every request has ended, as a server that waits for more does:
	 * its background tasks keep beating. Reaching the limit with every request ended is then
	 * `completed`. A live session uses it to simulate up to the moment it shows.
	 */
	toLimit?: boolean;
}

/**
 * One run of a scenario: the wiring. It builds the parts, hands each the capabilities it needs,
 * runs the clock and decides when the run ends.
 */
export class Sim {
	private readonly clock = new VirtualClock();
	readonly cpu: Cpu;
	readonly loop: EventLoop;
	readonly loopThread: SimThread;
	readonly tasks: Tasks;
	readonly pool: Pool;
	readonly anyio: AnyioPool;
	readonly locks: Locks;
	private readonly rpc: RpcClient;
	readonly requests: RequestRecord[];
	readonly arrivals: Arrivals;
	readonly heartbeats: number[] = [];
	readonly lag: { atMs: number; lagMs: number }[] = [];
	readonly warnings: Warning[] = [];
	/** What the process printed to stderr (frames' `log`). */
	readonly log: Frame['log'] = [];
	/** Cross-thread hand-offs so far (frames' `handoffs`). */
	readonly handoffs: Frame['handoffs'] = [];
	readonly trace: TraceEvent[] | null;
	private readonly emit: Emit;
	hung: { atMs: number; reason: string } | null = null;
	/** The run was cut short while it could still progress: at its limit or the budget. */
	stopped: Stopped | null = null;
	outcome: Outcome | null = null;
	private readonly tracer: Tracer;
	private ended = false;
	/** Scheduling steps taken: one per clock event (arrival, segment end, timeout, …). */
	private steps = 0;
	private programs = new Map<string, Instr[]>();
	private ioInFlight = 0;
	private readonly taskName: (id: string) => string;

	constructor(
		readonly scenario: Scenario,
		private options: SimOptions = {}
	) {
		const rt = scenario.runtime;
		this.taskName = createTaskNamer(scenario);
		const clock = this.clock;
		const traced = options.trace === true || options.maxSteps !== undefined;
		const tracer = (this.tracer = new Tracer(clock, traced));
		this.trace = tracer.events;
		const emit = (this.emit = tracer.emit);
		const cpu = { gil: rt.gil, cores: rt.cores, switchIntervalMs: rt.switchIntervalMs, traced };
		this.cpu = new Cpu(clock, tracer.emitUncounted, cpu, (timeoutMs) =>
			this.loop.selected(timeoutMs)
		);
		this.loop = new EventLoop(
			clock,
			emit,
			{
				resumeLoopThread: () => this.cpu.resume(this.loopThread),
				asleep: () => this.loopAsleep(),
				callbackReturned: (cb, ms) => this.callbackReturned(cb, ms)
			},
			(ms) => selectSleepMs(ms, rt.timerLateness)
		);
		this.loopThread = newThread('loop', rt.host === 'runUntilComplete' ? 'host' : 'loop', () =>
			this.loop.next()
		);
		this.cpu.created(this.loopThread);
		const handoff: Handoff = (detail) => {
			this.handoffs.push({ at: roundMs(this.now()), ...detail });
			emit(detail.from, { type: 'handoff', detail });
		};
		const deadlock: Deadlock = (reason, blockedIn, blocked) =>
			this.deadlock(reason, blockedIn, blocked);
		this.tasks = new Tasks(this.loop, emit, {
			now: () => clock.now(),
			io: (ms, label, effect) => this.io(ms, label, effect),
			offload: (task, ins) => this.pool.submit(task, ins),
			acquire: (task, lock, kind) => this.locks.acquire(task, lock, kind),
			release: (task, lock) => this.locks.release(task, lock),
			rpc: (task, ins) => this.rpc.send(task, ins),
			syncCall: (task, ins) =>
				ins.op === 'anyioAcquire'
					? this.anyio.acquire(task)
					: ins.op === 'runSync'
						? this.anyio.run(task, ins.program)
						: this.anyio.release(task),
			beat: () => this.heartbeats.push(clock.now()),
			lag: (sample) => this.recordLag(sample),
			deadlock,
			handoff,
			requestEnded: (record, status, error) => this.arrivals.requestEnded(record, status, error)
		});
		this.locks = new Locks(this.tasks, emit, deadlock);
		const threads = {
			created: (th: SimThread) => this.cpu.created(th),
			start: (th: SimThread) => this.cpu.start(th),
			resume: (th: SimThread, doing?: string) => this.cpu.resume(th, doing),
			resumeLoopThread: () => this.cpu.resume(this.loopThread)
		};
		this.rpc = new RpcClient(
			clock,
			emit,
			this.loop,
			this.tasks,
			threads,
			handoff,
			{
				enabled: rt.debug,
				warn: (task, message) => this.warn({ kind: 'threadCheck', task, message })
			},
			readerName(scenario)
		);
		this.pool = new Pool(this.loop, this.tasks, threads, emit, rt.threads, rt.threadsStarted, () =>
			threadsMayStart(rt, clock.now())
		);
		this.anyio = new AnyioPool(this.loop, this.tasks, threads, rt.anyioTokens ?? 40, () =>
			threadsMayStart(rt, clock.now())
		);
		for (const [name, handler] of Object.entries(scenario.handlers)) {
			this.programs.set(name, compileHandler(handler, `handlers.${name}.steps`));
		}
		this.requests = unfinishedRequests(scenario);
		const startTask = (index: number) => {
			const spec = scenario.requests[index];
			const program = this.programs.get(spec.handler) as Instr[];
			this.tasks.spawn(this.tasks.create(spec.id, 'request', program, this.requests[index]));
		};
		this.arrivals = new Arrivals(
			scenario,
			this.requests,
			clock,
			emit,
			this.loop,
			startTask,
			threads,
			handoff
		);
	}

	now(): number {
		return this.clock.now();
	}

	/** Runs until every request has ended, nothing more can happen, or the limit. */
	run(): void {
		this.startBackground();
		this.cpu.start(this.loopThread);
		this.arrivals.schedule();
		const limit = this.scenario.limitMs;
		const budget = this.options.budget ?? EVENT_BUDGET;
		while (!this.ended) {
			if (this.steps === this.options.maxSteps) return;
			const next = this.clock.next();
			// Work nobody awaits (a failed submit's second run, F20) may finish after the last response.
			if (next === null) {
				if (this.options.toLimit) this.clock.advanceTo(limit);
				return this.end(this.finished() ? 'done' : 'nothing');
			}
			if (next > limit) {
				this.clock.advanceTo(limit);
				return this.end(this.options.toLimit && this.finished() ? 'done' : 'limit');
			}
			if (this.steps >= budget || this.tracer.count >= budget) return this.end('budget');
			this.clock.step();
			this.steps++;
		}
	}

	/** Background tasks started before t = 0 are mid-sleep, their next wake-up on their cadence. */
	private startBackground(): void {
		for (const bg of this.scenario.background) {
			const program =
				bg.kind === 'heartbeat' ? heartbeatProgram(bg.everyMs) : lagMonitorProgram(bg.everyMs);
			const task = this.tasks.create(bg.kind, 'background', program, null);
			const { dueMs, markMs } = firstWake(bg.startMs, bg.everyMs);
			task.pc = bg.kind === 'heartbeat' ? 1 : 2;
			task.mark = markMs;
			this.tasks.suspend(task, `asyncio.sleep(${bg.everyMs} ms)`);
			this.loop.addTimerAt(dueMs, this.tasks.resolver(`sleep done → ${task.id}`, task));
		}
	}

	/** Awaited non-blocking I/O: the selector reports it ready after `ms`. */
	private io(ms: number, label: string, effect: () => void): void {
		this.ioInFlight++;
		this.clock.at(this.now() + ms, () => {
			this.ioInFlight--;
			this.loop.ioReady(instant(label, label, false, effect));
		});
	}

	private recordLag(sample: { atMs: number; lagMs: number }): void {
		this.lag.push(sample);
		this.emit('lagMonitor', { type: 'lag', detail: { lagMs: sample.lagMs } });
	}

	private warn(w: Omit<Warning, 'atMs'>): void {
		const warning = { atMs: roundMs(this.now()), ...w };
		this.warnings.push(warning);
		this.emit('loop', { type: 'warning', detail: { kind: w.kind, message: w.message } });
		if (w.kind === 'slowCallback') this.stderr('asyncio', w.message);
		else this.stderr('threading.excepthook', readerSetResultTraceback(this.scenario));
	}

	/** A line (or a traceback) written to stderr. */
	private stderr(source: LogSource, text: string): void {
		this.log.push({ at: roundMs(this.now()), source, text });
		this.emit('stderr', { type: 'log', detail: { source, text } });
	}

	/** Debug mode logs every callback or task step that ran for slow_callback_duration or longer. */
	private callbackReturned(cb: Callback, ms: number): void {
		const rt = this.scenario.runtime;
		if (!rt.debug || ms < rt.slowCallbackMs) return;
		const warning = slowCallbackWarning(rt, this.reprOf(cb), cb.owner, ms);
		if (warning) this.warn(warning);
	}

	/** What CPython names a callback in its warning: a task step names its Task. */
	private reprOf(cb: Callback): string {
		const task = this.tasks.stepping(cb);
		if (!task) return cb.label;
		const name = this.taskName(task.id);
		if (task.state !== 'done' && task.state !== 'failed') {
			const line = task.program[task.pc - 1]?.src.line ?? 1;
			return stepRepr(this.scenario, name, task.id, { suspendedAt: line });
		}
		const error = task.state === 'failed' ? (task.request?.error ?? 'Exception') : undefined;
		return stepRepr(this.scenario, name, task.id, { finished: true, error });
	}

	/**
	 * The loop fell asleep in select(). The run ends here, once the loop has caught up with what
	 * the requests left behind (a lag probe queued behind the last handler still reports), or
	 * as hung when only background tasks could ever run again.
	 */
	private loopAsleep(): void {
		if (this.finished()) return this.options.toLimit ? undefined : this.end('done');
		if (this.arrivals.ended === this.requests.length && this.tasks.live === 0) return;
		if (this.canProgress()) return;
		this.hang('stalled');
	}

	/** The loop thread blocks in `blockedIn` for good: the run ends hung with `reason`. */
	private deadlock(reason: string, blockedIn: string, blocked?: () => void): void {
		this.cpu.blockForGood(this.loopThread, blockedIn);
		blocked?.();
		this.hung = { atMs: roundMs(this.now()), reason };
		this.stop();
	}

	private canProgress(): boolean {
		const loop = this.loop;
		return (
			this.arrivals.left > 0 ||
			this.ioInFlight > 0 ||
			this.rpc.inFlight > 0 ||
			this.pool.busy > 0 ||
			this.pool.runnableQueue() > 0 ||
			this.anyio.busy > 0 ||
			loop.foregroundReady > 0 ||
			loop.foregroundTimers > 0 ||
			loop.foregroundIo() > 0 ||
			(loop.current !== null && !loop.current.cb.background)
		);
	}

	private finished(): boolean {
		return (
			this.arrivals.ended === this.requests.length &&
			this.tasks.live === 0 &&
			this.pool.busy === 0 &&
			this.pool.runnableQueue() === 0
		);
	}

	private end(why: 'done' | 'nothing' | 'limit' | 'budget'): void {
		if (why === 'done') return this.stop();
		if (why === 'nothing') return this.hang(why);
		// Cut short while it could still progress: the server is slow, not hung.
		const atMs = roundMs(this.now());
		const head = stopReason(why, {
			atMs,
			limitMs: this.scenario.limitMs,
			budget: this.options.budget ?? EVENT_BUDGET,
			requests: this.requests
		});
		this.stopped = { atMs, why, reason: `${head}; ${this.waits()}` };
		this.stop();
	}

	private hang(why: 'nothing' | 'stalled'): void {
		const heads = {
			stalled: 'only background tasks can still run; nothing will ever resume the requests',
			nothing:
				'nothing can ever happen again: the loop is asleep in select() with no timer, no I/O in flight and no thread running'
		};
		this.hung = { atMs: roundMs(this.now()), reason: `${heads[why]}; ${this.waits()}` };
		this.stop();
	}

	/** What each unfinished request waits for, summarised. */
	private waits(): string {
		return describeWaits({
			now: this.now(),
			requests: this.requests,
			tasks: this.tasks.all,
			inHost: (id) => this.arrivals.inHost(id),
			rpcWait: (task) => this.rpc.describe(task)
		});
	}

	private stop(): void {
		this.ended = true;
		this.loop.stop();
		const outcome: Outcome = this.hung ? 'hung' : this.stopped ? 'stopped' : 'completed';
		this.outcome = outcome;
		if (outcome === 'completed') this.loop.cancelTimers();
		if (this.hung) this.emit('run', { type: 'hung', detail: { reason: this.hung.reason } });
		if (this.stopped) {
			const { why, reason } = this.stopped;
			this.emit('run', { type: 'stopped', detail: { why, reason } });
		}
		this.emit('run', { type: 'end', detail: { outcome } });
	}
}
