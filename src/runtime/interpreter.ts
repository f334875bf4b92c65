import type { RequestResult, Scenario, SimResult, Step, Warning } from '../../simulations/index';
import { RESULT_FORMAT, roundMs, unfinishedRequests } from '../../simulations/index';
import type { RuntimeEnv } from './env';

const CANT_START = "RuntimeError: can't start new thread";

/**
 * Why a scenario cannot run for real here, or null when it can: `threadsafeResult` exists in the
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
	return problems.size ? [...problems].join(', ') : null;
}

/**
 * Runs a scenario on the host's real event loop: each request arrives on a real timer and its
 * handler runs as an async function; `cpu` spins, `block` blocks the thread, `sleep`/`io` are
 * real timers, `offload` goes to real pool workers (queued beyond `threads`). Times are measured,
 * not predicted, and reported in the same result@1 format as the engine.
 */
export function runForReal(scenario: Scenario, env: RuntimeEnv): Promise<SimResult> {
	const rt = scenario.runtime;
	const requests: RequestResult[] = unfinishedRequests(scenario);
	const heartbeats: number[] = [];
	const lag: { atMs: number; lagMs: number }[] = [];
	const warnings: Warning[] = [];
	const pool = createPool(rt.threads, rt.threadsStarted, env);
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

	/** Runs synchronous steps; debug mode's slow-callback check measures each stretch between awaits. */
	async function runSteps(steps: Step[], owner: string): Promise<void> {
		env.enter();
		let stretch = env.now();
		const awaitPoint = async (p: Promise<void>) => {
			checkSlow(owner, env.now() - stretch);
			await p;
			env.enter();
			stretch = env.now();
		};
		for (const step of steps) {
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
					const started = pool.submit(step.work, step.ms);
					if (started === 'refused') {
						if (step.noThread === 'raise') throw new Error(CANT_START);
						if (step.work === 'cpu') env.busy(step.ms);
						else env.block(step.ms);
						break;
					}
					await awaitPoint(started);
					break;
				}
				case 'lock': {
					if (step.kind === 'thread') {
						const holder = threadLocks.get(step.name);
						if (holder !== undefined) {
							env.blockForever(
								`the loop thread blocked in threading.Lock '${step.name}'.acquire() for ${owner} while ${holder} holds it across an await`
							);
						}
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
				case 'gather':
					await awaitPoint(
						Promise.all(step.branches.map((b) => runSteps(b, owner))).then(() => {})
					);
					break;
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
		checkSlow(owner, env.now() - stretch);
	}

	function checkSlow(owner: string, ms: number) {
		if (!rt.debug || ms < rt.slowCallbackMs) return;
		warnings.push({
			atMs: roundMs(env.now()),
			kind: 'slowCallback',
			task: owner,
			ms: roundMs(ms),
			message: `Executing <${owner} step> took ${(ms / 1000).toFixed(3)} seconds`
		});
	}

	async function handle(index: number): Promise<void> {
		const record = requests[index];
		const spec = scenario.requests[index];
		record.startMs = roundMs(env.now());
		try {
			await runSteps(scenario.handlers[spec.handler].steps, spec.id);
			record.status = 'ok';
		} catch (e) {
			record.status = 'error';
			record.error = (e as Error).message;
		}
		record.endMs = roundMs(env.now());
		env.progress(++ended, requests.length);
	}

	function background(kind: 'heartbeat' | 'lagMonitor', everyMs: number, startMs: number) {
		const k = Math.max(1, Math.ceil(-startMs / everyMs));
		let mark = startMs + (k - 1) * everyMs;
		const tick = () => {
			if (stopped) return;
			env.enter();
			const now = env.now();
			if (kind === 'heartbeat') heartbeats.push(roundMs(now));
			else lag.push({ atMs: roundMs(now), lagMs: roundMs(Math.max(0, now - mark - everyMs)) });
			mark = now;
			env.after(everyMs, tick);
		};
		env.after(Math.max(0, startMs + k * everyMs), tick);
	}

	return new Promise((resolve) => {
		const finish = (hung: SimResult['hung']) => {
			if (stopped) return;
			stopped = true;
			resolve({
				format: RESULT_FORMAT,
				scenario: scenario.id,
				outcome: hung ? 'hung' : 'completed',
				endMs: roundMs(env.now()),
				hung,
				requests,
				heartbeats,
				lag,
				warnings
			});
		};
		for (const b of scenario.background) background(b.kind, b.everyMs, b.startMs);
		// runUntilComplete: the host makes one call at a time, so each request waits for the last.
		let hostCall = Promise.resolve();
		const serve = (i: number) =>
			rt.host === 'loop' ? handle(i) : (hostCall = hostCall.then(() => handle(i)));
		scenario.requests.forEach((spec, i) =>
			env.after(spec.at, () =>
				serve(i).then(() => {
					// Let callbacks already due (a lag probe behind the last handler) run first.
					if (ended === requests.length) env.after(0, () => finish(null));
				})
			)
		);
		env.after(scenario.limitMs, () => {
			const waiting = requests.filter((r) => r.status === 'unfinished').map((r) => r.id);
			finish({
				atMs: roundMs(env.now()),
				reason: `limit of ${scenario.limitMs} ms reached; unfinished: ${waiting.join(', ')}`
			});
		});
	});
}

type Submitted = Promise<void> | 'refused';

/**
 * The executor as CPython's ThreadPoolExecutor: the item is queued first; an idle worker takes it;
 * a thread starts only when `_idle_semaphore` (released after every finished item) has no token.
 * A refused start leaves the item queued, so a worker may run it a second time later (F20).
 */
function createPool(threads: number, started: number, env: RuntimeEnv) {
	let existing = started;
	let busy = 0;
	let tokens = started;
	const queue: { work: 'cpu' | 'block'; ms: number; done: () => void }[] = [];
	const drain = () => {
		while (busy < existing && queue.length > 0) {
			const item = queue.shift() as (typeof queue)[number];
			busy++;
			env.offload(item.work, item.ms).finally(() => {
				busy--;
				tokens++;
				item.done();
				drain();
			});
		}
	};
	return {
		submit(work: 'cpu' | 'block', ms: number): Submitted {
			let done = () => {};
			const finished = new Promise<void>((resolve) => (done = resolve));
			queue.push({ work, ms, done });
			drain();
			if (tokens > 0) {
				tokens--;
				return finished;
			}
			if (threads > 0 && existing < threads) {
				existing++;
				drain();
				return finished;
			}
			return threads === 0 ? 'refused' : finished;
		}
	};
}
