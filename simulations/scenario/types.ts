/** The scenario contract, format `event-loop-lab/scenario@1` (see README "Scenario format"). */

export const SCENARIO_FORMAT = 'event-loop-lab/scenario@1';

export type WorkKind = 'cpu' | 'block';
export type NoThread = 'raise' | 'inline';
export type LockKind = 'thread' | 'asyncio';
export type Handoff = 'selector' | 'threadsafe' | 'unsafe';
export type RpcClient = 'perRequest' | 'singleSlot';
/**
 * How a request reaches the server: `keepAlive` on a connection that is already open (its bytes
 * are read in one loop iteration), or `new`: accept, `_accept_connection2`, `connection_made` and
 * `_add_reader`, then the read, each in a later loop iteration (F6).
 */
export type Connection = 'keepAlive' | 'new';

interface StepBase {
	/** The line of the handler's `code` this step stands for (1-based). */
	line?: number;
	label?: string;
}

export interface CpuStep extends StepBase {
	op: 'cpu';
	ms: number;
}
export interface BlockStep extends StepBase {
	op: 'block';
	ms: number;
}
export interface SleepStep extends StepBase {
	op: 'sleep';
	ms: number;
}
export interface IoStep extends StepBase {
	op: 'io';
	ms: number;
}
export interface OffloadStep extends StepBase {
	op: 'offload';
	ms: number;
	work: WorkKind;
	noThread: NoThread;
}
export interface LockStep extends StepBase {
	op: 'lock';
	name: string;
	kind: LockKind;
	steps: Step[];
}
/**
 * How a handler awaits concurrent branches: `gather` = `await asyncio.gather(...)`;
 * `asCompleted` = `for f in asyncio.as_completed([...]): await f` (the first error raises when
 * its result is taken). Batches are consecutive gather steps.
 */
export type Collect = 'gather' | 'asCompleted';

export interface GatherStep extends StepBase {
	op: 'gather';
	branches: Step[][];
	/** Default `gather`. */
	collect?: Collect;
}
export interface RpcStep extends StepBase {
	op: 'rpc';
	ms: number;
	handoff: Handoff;
	client: RpcClient;
}
/**
 * `asyncio.run_coroutine_threadsafe(coro, loop).result(timeout)` called from a handler, that is
 * on the loop's own thread: `steps` is the coroutine; without `timeoutMs` it waits forever.
 */
export interface ThreadsafeResultStep extends StepBase {
	op: 'threadsafeResult';
	steps: Step[];
	timeoutMs?: number;
}
export interface FailStep extends StepBase {
	op: 'fail';
	error: string;
}

export type Step =
	| CpuStep
	| BlockStep
	| SleepStep
	| IoStep
	| OffloadStep
	| LockStep
	| GatherStep
	| RpcStep
	| ThreadsafeResultStep
	| FailStep;

export type StepOp = Step['op'];

/**
 * Who drives the loop: `loop` = one long-running loop; each request becomes a Task on it as it
 * arrives off a socket (an ASGI server). `hostThreads` = the same loop on its own thread, and a
 * foreign host hands each request over on a thread of its own with
 * `run_coroutine_threadsafe(handler(), loop).result()`. `runUntilComplete` = a foreign host
 * thread calls `loop.run_until_complete(handler())` once per request, one at a time; later
 * arrivals wait in the host.
 */
export type Host = 'loop' | 'hostThreads' | 'runUntilComplete';

/**
 * When timers fire: `epoll` = as CPython on Linux, a sleeping select() rounds its timeout up to a
 * whole millisecond and wakes a little late (F37); `exact` = on the dot, for lessons that teach
 * with round numbers.
 */
export type TimerLateness = 'epoll' | 'exact';

export interface Runtime {
	host: Host;
	threads: number;
	threadsStarted: number;
	/** Until this time the host refuses new threads (`Thread.start` raises); default 0 (never refused). */
	threadsRefusedUntilMs?: number;
	gil: boolean;
	switchIntervalMs: number;
	cores: number;
	debug: boolean;
	slowCallbackMs: number;
	timerLateness: TimerLateness;
	/** anyio's default thread limiter (FastAPI `def` endpoints): concurrent calls; default 40. */
	anyioTokens?: number;
}

export interface Handler {
	code?: string;
	/** A FastAPI `def` endpoint (F32): its steps (cpu, block, fail) run on anyio's worker threads. */
	sync?: boolean;
	steps: Step[];
}

export interface RequestSpec {
	id: string;
	at: number;
	handler: string;
	/** Default `keepAlive`; scenarios built by hand may leave it out. */
	connection?: Connection;
}

export interface ArrivalSpec {
	handler: string;
	count: number;
	startMs: number;
	everyMs: number;
	jitterMs: number;
	idPrefix: string;
	connection: Connection;
}

export type BackgroundKind = 'heartbeat' | 'lagMonitor';

export interface BackgroundSpec {
	kind: BackgroundKind;
	everyMs: number;
	startMs: number;
}

/** A validated scenario with every default filled in; `requests` holds the expanded arrivals too, sorted by arrival time then id order. */
export interface Scenario {
	format: typeof SCENARIO_FORMAT;
	id: string;
	title: string;
	seed: number;
	limitMs: number;
	runtime: Runtime;
	handlers: Record<string, Handler>;
	requests: RequestSpec[];
	background: BackgroundSpec[];
}
