import type { StepOp } from '../../simulations/index';

/** One field of the scenario form: its JSON key, its words, and the control that edits it. */
export interface FieldSpec {
	key: string;
	label: string;
	kind: 'number' | 'text' | 'code' | 'checkbox' | 'select' | 'handler';
	options?: readonly string[];
	/** An emptied text field is removed rather than kept as "" (numbers always are). */
	optional?: boolean;
	/** Takes a whole row of the form. */
	wide?: boolean;
	/** What the engine uses when the field is absent (shown as the placeholder or default). */
	fallback?: string | number | boolean;
}

const ms = (label = 'Duration (ms)'): FieldSpec => ({ key: 'ms', label, kind: 'number' });

/** The scenario's own fields. */
export const SCENARIO_FIELDS: FieldSpec[] = [
	{ key: 'title', label: 'Title', kind: 'text', wide: true },
	{ key: 'id', label: 'Id (lowercase letters, digits, dashes)', kind: 'text' },
	{ key: 'limitMs', label: 'Stop the run at (ms)', kind: 'number', fallback: 10_000 },
	{ key: 'seed', label: 'Seed for jitter', kind: 'number', fallback: 1 }
];

/** `runtime`: the pool, the GIL, the cores, debug mode, who drives the loop and timer lateness. */
export const RUNTIME_FIELDS: FieldSpec[] = [
	{
		key: 'threads',
		label: 'Pool size (threads; 0: none can start)',
		kind: 'number',
		fallback: 'cores + 4'
	},
	{ key: 'threadsStarted', label: 'Threads already started', kind: 'number', fallback: 0 },
	{ key: 'cores', label: 'CPU cores', kind: 'number', fallback: 2 },
	{ key: 'switchIntervalMs', label: 'GIL switch interval (ms)', kind: 'number', fallback: 5 },
	{ key: 'gil', label: 'GIL (untick for a free-threaded build)', kind: 'checkbox', fallback: true },
	{ key: 'debug', label: 'asyncio debug mode', kind: 'checkbox', fallback: false },
	{
		key: 'slowCallbackMs',
		label: 'Slow callback warning from (ms)',
		kind: 'number',
		fallback: 100
	},
	{
		key: 'host',
		label: 'Who drives the loop',
		kind: 'select',
		options: ['loop', 'hostThreads', 'runUntilComplete'],
		fallback: 'loop'
	},
	{
		key: 'threadsRefusedUntilMs',
		label: 'No thread can start until (ms)',
		kind: 'number',
		fallback: 0
	},
	{ key: 'anyioTokens', label: "anyio's tokens for def endpoints", kind: 'number', fallback: 40 },
	{
		key: 'timerLateness',
		label: 'Timers (epoll: late as on Linux; exact: on the dot)',
		kind: 'select',
		options: ['epoll', 'exact'],
		fallback: 'epoll'
	}
];

// A request on a new TCP connection is accepted and read over several loop iterations (F6).
const CONNECTION_FIELD: FieldSpec = {
	key: 'connection',
	label: 'Connection',
	kind: 'select',
	options: ['keepAlive', 'new'],
	fallback: 'keepAlive'
};

/** One entry of `arrivals`: a group of requests to one handler. */
export const ARRIVAL_FIELDS: FieldSpec[] = [
	{ key: 'handler', label: 'Handler', kind: 'handler' },
	{ key: 'count', label: 'How many', kind: 'number' },
	{ key: 'startMs', label: 'First at (ms)', kind: 'number', fallback: 0 },
	{ key: 'everyMs', label: 'Then every (ms)', kind: 'number', fallback: 0 },
	{ key: 'jitterMs', label: 'Random jitter up to (ms)', kind: 'number', fallback: 0 },
	{ key: 'idPrefix', label: 'Id prefix', kind: 'text', fallback: 'r', optional: true },
	CONNECTION_FIELD
];

/** One entry of `requests`: a single request. */
export const REQUEST_FIELDS: FieldSpec[] = [
	{ key: 'id', label: 'Id', kind: 'text' },
	{ key: 'at', label: 'Arrives at (ms)', kind: 'number' },
	{ key: 'handler', label: 'Handler', kind: 'handler' },
	CONNECTION_FIELD
];

/** One entry of `background`: a heartbeat or a lag monitor task. */
export const BACKGROUND_FIELDS: FieldSpec[] = [
	{ key: 'kind', label: 'Task', kind: 'select', options: ['heartbeat', 'lagMonitor'] },
	{ key: 'everyMs', label: 'Every (ms)', kind: 'number' },
	{
		key: 'startMs',
		label: 'Started at (ms; negative: already running)',
		kind: 'number',
		fallback: 0
	}
];

/** A FastAPI `def` endpoint: its steps run on anyio's worker threads (F32). */
export const SYNC_FIELD: FieldSpec = {
	key: 'sync',
	label: 'def endpoint (runs on anyio threads)',
	kind: 'checkbox',
	fallback: false
};

/** A handler's Python, shown beside the run. */
export const CODE_FIELD: FieldSpec = {
	key: 'code',
	label: 'Python shown beside the run (optional)',
	kind: 'code',
	optional: true,
	wide: true
};

/** The step kinds, with what each stands for in Python. */
export const OPS: { op: StepOp; words: string }[] = [
	{ op: 'cpu', words: 'cpu: Python work on the loop' },
	{ op: 'block', words: 'block: a blocking call (time.sleep)' },
	{ op: 'sleep', words: 'sleep: await asyncio.sleep' },
	{ op: 'io', words: 'io: awaited non-blocking I/O' },
	{ op: 'offload', words: 'offload: asyncio.to_thread' },
	{ op: 'lock', words: 'lock: steps under a lock' },
	{ op: 'gather', words: 'gather: asyncio.gather of branches' },
	{ op: 'rpc', words: 'rpc: a JSON-RPC call over a pipe' },
	{ op: 'threadsafeResult', words: 'threadsafeResult: run_coroutine_threadsafe().result()' },
	{ op: 'fail', words: 'fail: the handler raises' }
];

/** The fields of each step kind besides `op`, nested steps and the common `label` and `line`. */
export const STEP_FIELDS: Record<StepOp, FieldSpec[]> = {
	cpu: [ms()],
	block: [ms()],
	sleep: [ms()],
	io: [ms()],
	offload: [
		ms(),
		{ key: 'work', label: 'Work', kind: 'select', options: ['cpu', 'block'] },
		{
			key: 'noThread',
			label: 'When no thread can start',
			kind: 'select',
			options: ['raise', 'inline'],
			fallback: 'raise'
		}
	],
	lock: [
		{ key: 'name', label: 'Lock name', kind: 'text' },
		{ key: 'kind', label: 'Kind', kind: 'select', options: ['thread', 'asyncio'] }
	],
	gather: [
		{
			key: 'collect',
			label: 'Collect',
			kind: 'select',
			options: ['gather', 'asCompleted'],
			fallback: 'gather'
		}
	],
	rpc: [
		ms('Server answers in (ms)'),
		{
			key: 'handoff',
			label: 'Hand-off',
			kind: 'select',
			options: ['selector', 'threadsafe', 'unsafe'],
			fallback: 'selector'
		},
		{
			key: 'client',
			label: 'Client',
			kind: 'select',
			options: ['perRequest', 'singleSlot'],
			fallback: 'perRequest'
		}
	],
	threadsafeResult: [{ key: 'timeoutMs', label: 'Timeout (ms; empty: none)', kind: 'number' }],
	fail: [{ key: 'error', label: 'Error raised', kind: 'text' }]
};

/** Every step may say what it is and which line of the handler's code it stands for. */
export const COMMON_STEP_FIELDS: FieldSpec[] = [
	{ key: 'label', label: 'Label', kind: 'text', optional: true },
	{ key: 'line', label: 'Code line', kind: 'number' }
];

const TEMPLATES: Record<StepOp, Record<string, unknown>> = {
	cpu: { ms: 50 },
	block: { ms: 200 },
	sleep: { ms: 200 },
	io: { ms: 150 },
	offload: { ms: 100, work: 'block', noThread: 'raise' },
	lock: { name: 'lock', kind: 'thread', steps: [{ op: 'cpu', ms: 10 }] },
	gather: { branches: [[{ op: 'io', ms: 50 }], [{ op: 'io', ms: 50 }]] },
	rpc: { ms: 20, handoff: 'selector', client: 'perRequest' },
	threadsafeResult: { steps: [{ op: 'sleep', ms: 10 }], timeoutMs: 1000 },
	fail: { error: 'ValueError: boom' }
};

/**
 * A new step of kind `op` in place of `old`, keeping every field of `old` that `op` has too (its
 * label and code line, its duration: block 200 ms becomes offload 200 ms, not the template's 100,
 * which would skew an A/B comparison), and the steps nested in a lock or threadsafeResult.
 * Offloading a cpu or block step offloads that work.
 */
export function stepOf(op: StepOp, old: unknown = {}): Record<string, unknown> {
	const kept = old !== null && typeof old === 'object' ? (old as Record<string, unknown>) : {};
	const template = structuredClone(TEMPLATES[op]);
	const shared = [...STEP_FIELDS[op], ...COMMON_STEP_FIELDS].map((f) => f.key);
	if ('steps' in template) shared.push('steps');
	const same = Object.fromEntries(
		shared.flatMap((k) => (kept[k] === undefined ? [] : [[k, structuredClone(kept[k])]]))
	);
	const work =
		op === 'offload' && (kept.op === 'cpu' || kept.op === 'block') ? { work: kept.op } : {};
	return { op, ...template, ...work, ...same };
}

/** `prefix` followed by the first number that makes a name not in `taken`: handler2, q3. */
export function freshName(prefix: string, taken: readonly string[]): string {
	let n = taken.length + 1;
	while (taken.includes(`${prefix}${n}`)) n++;
	return `${prefix}${n}`;
}
