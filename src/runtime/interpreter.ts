import type { RequestResult, Scenario, SimResult, Step, Warning } from '../../simulations/index';
import {
	assembleResult,
	CANT_START,
	createTaskNamer,
	endRequest,
	firstWake,
	lagSample,
	roundMs,
	slowCallbackWarning,
	stepRepr,
	stopReason,
	summariseWaits,
	threadLockDeadlock,
	threadsMayStart,
	unfinishedRequests
} from '../../simulations/index';
import type { RuntimeEnv } from './env';
import { createRealPool } from './real-pool';

// How long a loop with requests unfinished must have run nothing, at its limit, to count as
// stuck: a quarter of the run, and at least this (a busy machine's pause is not a hang).
const STUCK_SHARE = 0.25;
const STUCK_MIN_MS = 250;

/**
 * Why a scenario cannot run for real here, or null when it can: `threadsafeResult` and FastAPI
 * `def` endpoints (anyio's worker pool, up to 40 threads a page cannot give) exist in the
 * simulation only, and the unsafe hand-off needs shared memory (and is modelled only without
 * debug mode, whose check kills the reader thread).
 */
export function whyNotReal(scenario: Scenario, isolated: boolean): string | null {
	const problems = new Set<string>();
	const visit = (steps: Step[]) => {
		for (const s of steps) {
			if (s.op === 'threadsafeResult') problems.add('run_coroutine_threadsafe(...).result()');
			if (s.op === 'rpc' && s.handoff === 'unsafe' && !isolated)
				problems.add('the unsafe hand-off (it needs shared memory)');
			if (s.op === 'rpc' && s.handoff === 'unsafe' && scenario.runtime.debug)
				problems.add("debug mode's thread check");
			if (s.op === 'lock' || s.op === 'threadsafeResult') visit(s.steps);
			if (s.op === 'gather') s.branches.forEach(visit);
		}
	};
	Object.values(scenario.handlers).forEach((h) => visit(h.steps));
	if (Object.values(scenario.handlers).some((h) => h.sync))
		problems.add("FastAPI def endpoints (anyio's worker pool)");
	return problems.size ? [...problems].join(', ') : null;
}

/**
 * Runs a scenario on the host's real event loop: each request arrives on a real timer and its
 * handler runs as an async function; `cpu` spins, `block` blocks the thread, `sleep`/`io` are
 * real timers, `offload` goes to real pool workers (queued beyond `threads`). The rules both
 * engines need (the pool, thread start, background cadence, messages, the result) come from the
 * rulebook in `simulations/rules/`. Times are measured, not predicted.
 */
export function runForReal(scenario: Scenario, env: RuntimeEnv): Promise<SimResult> {
	const rt = scenario.runtime;
	const requests: RequestResult[] = unfinishedRequests(scenario);
	const heartbeats: number[] = [];
	const lag: { atMs: number; lagMs: number }[] = [];
	const warnings: Warning[] = [];
	const taskName = createTaskNamer(scenario);
	const pool = createRealPool(
		rt.threads,
		rt.threadsStarted,
		env,
		() => maybeFinish(),
		() => threadsMayStart(rt, env.now())
	);
	const locks = new Map<string, Promise<void>>();
	const threadLocks = new Map<string, string>();
	const pending = new Map<number, () => void>();
	let slot: (() => void) | null = null;
	let rpcIds = 0;
	// A response resolves the future waiting for its id, else whatever sits in the single slot.
	const deliver = (id: number) => {
		const waiter = pending.get(id);
		if (waiter) pending.delete(id);
		const resolve = waiter ?? slot;
		if (!waiter) slot = null;
		resolve?.();
	};
	let ended = 0;
	let stopped = false;

	const sleep = (ms: number) => new Promise<void>((r) => env.after(ms, r));
	// When Python last ran on the loop: at the limit, a loop that has run nothing for long, with
	// requests unfinished, is stuck (nothing will wake it), not slow.
	let lastRanMs = 0;
	const enter = () => {
		env.enter();
		lastRanMs = env.now();
	};

	/** Runs synchronous steps; debug mode's slow-callback check measures each stretch between awaits. */
	async function runSteps(steps: Step[], owner: string, whole = false): Promise<void> {
		enter();
		let stretch = env.now();
		let line = 1;
		const awaitPoint = async (p: Promise<void>) => {
			checkSlow(owner, env.now() - stretch, { suspendedAt: line });
			await p;
			enter();
			stretch = env.now();
		};
		for (const step of steps) {
			line = step.line ?? 1;
			switch (step.op) {
				case 'cpu':
					env.busy(step.ms);
					break;
				case 'block':
					env.block(step.ms);
					break;
				case 'sleep':
				case 'io':
					await awaitPoint(sleep(step.ms));
					break;
				case 'offload': {
					const submitted = pool.submit(step.work, step.ms, step.noThread);
					if (submitted.outcome === 'raise') throw new Error(CANT_START);
					if (submitted.outcome === 'inline') {
						if (step.work === 'cpu') env.busy(step.ms);
						else env.block(step.ms);
						break;
					}
					await awaitPoint(submitted.result);
					break;
				}
				case 'lock': {
					if (step.kind === 'thread') {
						const holder = threadLocks.get(step.name);
						if (holder !== undefined)
							env.blockForever(threadLockDeadlock(step.name, owner, holder));
						threadLocks.set(step.name, owner);
						try {
							await runSteps(step.steps, owner);
						} finally {
							threadLocks.delete(step.name);
						}
						break;
					}
					const previous = locks.get(step.name) ?? Promise.resolve();
					let release = () => {};
					const mine = new Promise<void>((r) => (release = r));
					locks.set(
						step.name,
						previous.then(() => mine)
					);
					await awaitPoint(previous);
					try {
						await runSteps(step.steps, owner);
					} finally {
						release();
					}
					break;
				}
				case 'gather': {
					// Each branch is a Task named as the engine names it; it starts after this callback.
					const branches = step.branches.map((b, i) =>
						Promise.resolve().then(() => runSteps(b, `${owner}/${i + 1}`))
					);
					await awaitPoint(Promise.all(branches).then(() => {}));
					break;
				}
				case 'fail':
					throw new Error(step.error);
				case 'rpc': {
					const id = ++rpcIds;
					const answered = new Promise<void>((resolve) => {
						if (step.client === 'perRequest') pending.set(id, resolve);
						else slot = resolve;
					});
					env.rpcSend(id, step.ms, step.handoff, deliver);
					await awaitPoint(answered);
					break;
				}
				case 'threadsafeResult':
					throw new Error('run_coroutine_threadsafe(...).result() runs in the simulation only');
			}
		}
		checkSlow(owner, env.now() - stretch, whole ? { finished: true } : { suspendedAt: line });
	}

	function checkSlow(owner: string, ms: number, after: Parameters<typeof stepRepr>[3]) {
		if (!rt.debug || ms < rt.slowCallbackMs) return;
		const label = stepRepr(scenario, taskName(owner), owner, after);
		const warning = slowCallbackWarning(rt, label, owner, ms);
		if (warning) warnings.push({ atMs: roundMs(env.now()), ...warning });
	}

	// A run ends when every request has ended and no pool work is pending (a second run, F20),
	// after callbacks already due (a lag probe behind the last handler).
	function maybeFinish() {
		if (ended === requests.length && pool.quiet()) env.after(0, () => finish(null));
	}

	async function handle(index: number): Promise<void> {
		const record = requests[index];
		const spec = scenario.requests[index];
		record.startMs = env.now();
		try {
			await runSteps(scenario.handlers[spec.handler].steps, spec.id, true);
			endRequest(record, env.now(), 'ok');
		} catch (e) {
			endRequest(record, env.now(), 'error', (e as Error).message);
		}
		env.progress(++ended, requests.length);
	}

	function background(kind: 'heartbeat' | 'lagMonitor', everyMs: number, startMs: number) {
		const { dueMs, markMs } = firstWake(startMs, everyMs);
		let mark = markMs;
		const tick = () => {
			if (stopped) return;
			enter();
			const now = env.now();
			if (kind === 'heartbeat') heartbeats.push(now);
			else lag.push(lagSample(now, mark, everyMs));
			mark = now;
			env.after(everyMs, tick);
		};
		env.after(dueMs, tick);
	}

	let finish: (cut: SimResult['stopped'] | null, hung?: SimResult['hung']) => void = () => {};
	const done = new Promise<SimResult>((resolve) => {
		finish = (cut, hung = null) => {
			if (stopped) return;
			stopped = true;
			resolve(
				assembleResult(scenario, {
					endMs: env.now(),
					hung,
					stopped: cut,
					requests,
					heartbeats,
					lag,
					warnings
				})
			);
		};
	});
	for (const b of scenario.background) background(b.kind, b.everyMs, b.startMs);
	// runUntilComplete: the host makes one call at a time, so each request waits for the last.
	let hostCall = Promise.resolve();
	const serve = (i: number) =>
		rt.host === 'runUntilComplete' ? (hostCall = hostCall.then(() => handle(i))) : handle(i);
	scenario.requests.forEach((spec, i) => env.after(spec.at, () => serve(i).then(maybeFinish)));
	// A real loop cannot see why nothing happens: at its limit a run still at work is cut short,
	// `stopped`; one whose loop ran nothing for the last quarter of it, with requests unfinished,
	// is `hung` (a lost wake-up: nothing will ever run it again).
	env.after(scenario.limitMs, () => {
		const atMs = roundMs(env.now());
		const waiting = requests
			.filter((r) => r.status === 'unfinished')
			.map((r) => [r.id, 'is unfinished'] as const);
		const idleMs = atMs - lastRanMs;
		if (waiting.length > 0 && idleMs >= Math.max(STUCK_MIN_MS, atMs * STUCK_SHARE)) {
			const reason = `nothing ran on the loop for its last ${Math.round(idleMs)} ms; ${summariseWaits(waiting)}`;
			finish(null, { atMs, reason });
			return;
		}
		const head = stopReason('limit', { atMs, limitMs: scenario.limitMs, requests });
		finish({ atMs, why: 'limit', reason: `${head}; ${summariseWaits(waiting)}` });
	});
	return done;
}
