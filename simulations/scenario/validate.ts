import { createRng } from '../rng';
import { describe, formatPath, MAX_NAME, shownName, type Checker, type Path } from './check';
import { checkSteps } from './steps';
import {
	SCENARIO_FORMAT,
	type BackgroundSpec,
	type Connection,
	type Handler,
	type Host,
	type RequestSpec,
	type Runtime,
	type Scenario,
	type Step,
	type TimerLateness
} from './types';

const MAX_REQUESTS = 100_000;
const TOP = [
	'format',
	'id',
	'title',
	'seed',
	'limitMs',
	'runtime',
	'handlers',
	'requests',
	'arrivals',
	'background'
];
const RUNTIME = [
	'host',
	'threads',
	'threadsStarted',
	'threadsRefusedUntilMs',
	'gil',
	'switchIntervalMs',
	'cores',
	'debug',
	'slowCallbackMs',
	'timerLateness',
	'anyioTokens'
];
/** What a FastAPI `def` endpoint can do on its worker thread: no awaits there. */
const SYNC_OPS: readonly string[] = ['cpu', 'block', 'fail'];
const HOSTS: readonly Host[] = ['loop', 'hostThreads', 'runUntilComplete'];
const CONNECTIONS: readonly Connection[] = ['keepAlive', 'new'];
const LATENESS: readonly TimerLateness[] = ['epoll', 'exact'];

/** Checks a parsed document against scenario@1 and fills in every default; null when anything is wrong. */
export function checkScenario(c: Checker, doc: unknown): Scenario | null {
	const o = c.object(doc, [], TOP);
	if (!o) return null;
	if (o.format !== SCENARIO_FORMAT)
		c.fail('E_FORMAT', ['format'], `"${SCENARIO_FORMAT}"`, describe(o.format));
	const id = c.string(o, 'id', [], { nonEmpty: true, max: MAX_NAME });
	if (typeof o.id === 'string' && !/^[a-z0-9-]+$/.test(id)) {
		c.fail('E_PATTERN', ['id'], 'lowercase letters, digits and dashes', describe(id));
	}
	const title = c.string(o, 'title', [], { max: 500 });
	const seed = c.number(o, 'seed', [], { int: true, fallback: 1, min: -(2 ** 53), max: 2 ** 53 });
	const limitMs = c.number(o, 'limitMs', [], { above: 0, max: 3_600_000, fallback: 10_000 });
	const runtime = checkRuntime(c, o.runtime);
	const handlers = checkHandlers(c, o.handlers);
	checkLockKinds(c, handlers);
	const requests = checkRequests(c, o, handlers, seed, runtime.host);
	const background = checkBackground(c, o.background);
	if (runtime.host === 'runUntilComplete' && background.length > 0) {
		// Between run_until_complete calls the loop is stopped, so a periodic task would not tick.
		c.fail(
			'E_CONFLICT',
			['background'],
			'no background tasks when runtime.host is "runUntilComplete" (the loop stops between calls)',
			`${background.length} background task(s)`
		);
	}
	if (c.errors.length > 0) return null;
	return {
		format: SCENARIO_FORMAT,
		id,
		title,
		seed,
		limitMs,
		runtime,
		handlers,
		requests,
		background
	};
}

function checkRuntime(c: Checker, value: unknown): Runtime {
	const o = value === undefined ? {} : (c.object(value, ['runtime'], RUNTIME) ?? {});
	const p: Path = ['runtime'];
	const cores = c.number(o, 'cores', p, { int: true, min: 1, max: 256, fallback: 2 });
	const threads = c.number(o, 'threads', p, {
		int: true,
		min: 0,
		max: 1024,
		fallback: Math.min(32, (Number.isFinite(cores) ? cores : 2) + 4)
	});
	const started = c.number(o, 'threadsStarted', p, { int: true, min: 0, max: 1024, fallback: 0 });
	if (threads > 0 && started > threads) {
		c.fail('E_RANGE', [...p, 'threadsStarted'], `at most threads (${threads})`, String(started));
	}
	const refusedUntil = c.number(o, 'threadsRefusedUntilMs', p, {
		min: 0,
		max: 3_600_000,
		fallback: 0
	});
	if (threads === 0 && refusedUntil > 0) {
		c.fail(
			'E_CONFLICT',
			[...p, 'threadsRefusedUntilMs'],
			'0 when runtime.threads is 0 (no thread can ever start, so none is refused until later)',
			String(refusedUntil)
		);
	}
	return {
		host: c.choice(o, 'host', p, HOSTS, 'loop'),
		threads,
		threadsStarted: started,
		threadsRefusedUntilMs: refusedUntil,
		gil: c.boolean(o, 'gil', p, true),
		switchIntervalMs: c.period(o, 'switchIntervalMs', p, { max: 1000, fallback: 5 }),
		cores,
		debug: c.boolean(o, 'debug', p, false),
		slowCallbackMs: c.number(o, 'slowCallbackMs', p, { min: 0, max: 3_600_000, fallback: 100 }),
		timerLateness: c.choice(o, 'timerLateness', p, LATENESS, 'epoll'),
		anyioTokens: c.number(o, 'anyioTokens', p, { int: true, min: 1, max: 100_000, fallback: 40 })
	};
}

/** A lock name is one lock: a `threading.Lock` or an `asyncio.Lock`, not both. */
function checkLockKinds(c: Checker, handlers: Record<string, Handler>): void {
	const first = new Map<string, { kind: string; path: Path }>();
	const visit = (steps: Step[], path: Path) =>
		steps.forEach((s, i) => {
			const p: Path = [...path, i];
			if (s.op === 'lock') {
				const seen = first.get(s.name);
				if (!seen) first.set(s.name, { kind: s.kind, path: p });
				else if (seen.kind !== s.kind) {
					c.fail(
						'E_CONFLICT',
						[...p, 'kind'],
						`"${seen.kind}", the kind of lock '${s.name}' at ${formatPath(seen.path)}`,
						`"${s.kind}"`
					);
				}
			}
			if (s.op === 'lock' || s.op === 'threadsafeResult') visit(s.steps, [...p, 'steps']);
			if (s.op === 'gather') s.branches.forEach((b, j) => visit(b, [...p, 'branches', j]));
		});
	for (const [name, h] of Object.entries(handlers)) visit(h.steps, ['handlers', name, 'steps']);
}

function checkHandlers(c: Checker, value: unknown): Record<string, Handler> {
	const out: Record<string, Handler> = {};
	if (value === undefined) {
		c.fail('E_REQUIRED', ['handlers'], 'an object of handlers', 'nothing');
		return out;
	}
	const o = c.record(value, ['handlers']);
	if (!o) return out;
	for (const name of Object.keys(o)) {
		const p: Path = ['handlers', name];
		if (name.length === 0 || name.length > MAX_NAME) {
			// Its steps are not checked: every error there would repeat the name in its path.
			c.fail('E_RANGE', p, `a handler name of 1 to ${MAX_NAME} characters`, describe(name));
			continue;
		}
		const h = c.object(o[name], p, ['code', 'sync', 'steps']);
		if (!h) continue;
		const handler: Handler = { steps: [] };
		if (h.code !== undefined) handler.code = c.string(h, 'code', p, { max: 20_000 });
		if (h.sync !== undefined) handler.sync = c.boolean(h, 'sync', p, false);
		const lines = typeof h.code === 'string' ? h.code.split('\n').length : null;
		if (h.steps === undefined)
			c.fail('E_REQUIRED', [...p, 'steps'], 'an array of steps', 'nothing');
		else handler.steps = checkSteps(c, h.steps, [...p, 'steps'], lines);
		if (handler.sync) checkSyncSteps(c, handler.steps, [...p, 'steps']);
		Object.defineProperty(out, name, {
			value: handler,
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return out;
}

/** A `def` endpoint runs its steps on a worker thread: only work that needs no loop. */
function checkSyncSteps(c: Checker, steps: Step[], path: Path): void {
	steps.forEach((s, i) => {
		if (SYNC_OPS.includes(s.op)) return;
		c.fail(
			'E_CONFLICT',
			[...path, i, 'op'],
			`one of ${SYNC_OPS.join(', ')} in a def endpoint (sync: true runs the steps on an anyio worker thread, where nothing is awaited)`,
			`"${s.op}"`
		);
	});
}

function checkRequests(
	c: Checker,
	o: Record<string, unknown>,
	handlers: Record<string, Handler>,
	seed: number,
	host: Host
): RequestSpec[] {
	const ids = new Set<string>();
	const out: RequestSpec[] = [];
	const known = knownNames(Object.keys(handlers));
	const handler = (r: Record<string, unknown>, p: Path) => {
		const name = c.string(r, 'handler', p, { nonEmpty: true, max: MAX_NAME });
		if (typeof r.handler === 'string' && !Object.hasOwn(handlers, name)) {
			c.fail('E_UNKNOWN_HANDLER', [...p, 'handler'], `a handler name (${known})`, describe(name));
		}
		return name;
	};
	// Only an ASGI server's own loop accepts connections; a foreign host hands requests in.
	const connection = (r: Record<string, unknown>, p: Path): Connection => {
		const value = c.choice(r, 'connection', p, CONNECTIONS, 'keepAlive');
		if (value === 'new' && host !== 'loop')
			c.fail(
				'E_CONFLICT',
				[...p, 'connection'],
				'"keepAlive" when runtime.host is not "loop" (the host hands requests in, no socket is accepted)',
				`"new" with runtime.host "${host}"`
			);
		return value;
	};
	const add = (spec: RequestSpec, p: Path) => {
		if (ids.has(spec.id)) c.fail('E_DUPLICATE_ID', p, 'a request id used once', describe(spec.id));
		ids.add(spec.id);
		out.push(spec);
	};
	const requests = o.requests === undefined ? [] : (c.array(o.requests, ['requests']) ?? []);
	requests.forEach((item, i) => {
		const p: Path = ['requests', i];
		const r = c.object(item, p, ['id', 'at', 'handler', 'connection']);
		if (!r) return;
		const id = c.string(r, 'id', p, { nonEmpty: true, max: MAX_NAME });
		const at = c.number(r, 'at', p, { min: 0, max: 3_600_000 });
		add({ id, at, handler: handler(r, p), connection: connection(r, p) }, [...p, 'id']);
	});
	const rng = createRng(seed);
	const counters = new Map<string, number>();
	const arrivals = o.arrivals === undefined ? [] : (c.array(o.arrivals, ['arrivals']) ?? []);
	arrivals.forEach((item, i) => {
		const p: Path = ['arrivals', i];
		const a = c.object(item, p, [
			'handler',
			'count',
			'startMs',
			'everyMs',
			'jitterMs',
			'idPrefix',
			'connection'
		]);
		if (!a) return;
		const name = handler(a, p);
		const count = c.number(a, 'count', p, { int: true, min: 1, max: MAX_REQUESTS });
		const start = c.number(a, 'startMs', p, { min: 0, max: 3_600_000, fallback: 0 });
		const every = c.number(a, 'everyMs', p, { min: 0, max: 3_600_000, fallback: 0 });
		const jitter = c.number(a, 'jitterMs', p, { min: 0, max: 3_600_000, fallback: 0 });
		const prefix = c.string(a, 'idPrefix', p, { fallback: 'r', max: 50 });
		const conn = connection(a, p);
		if (!Number.isFinite(count) || out.length + count > MAX_REQUESTS) {
			if (Number.isFinite(count))
				c.fail(
					'E_TOO_LARGE',
					[...p, 'count'],
					`at most ${MAX_REQUESTS} requests in all`,
					String(out.length + count)
				);
			return;
		}
		let n = counters.get(prefix) ?? 0;
		for (let k = 0; k < count; k++) {
			const at = start + k * every + rng() * jitter;
			add({ id: `${prefix}${++n}`, at, handler: name, connection: conn }, [...p, 'idPrefix']);
		}
		counters.set(prefix, n);
	});
	if (out.length === 0 && c.errors.length === 0) {
		c.fail('E_NO_REQUESTS', [], 'at least one request in "requests" or "arrivals"', 'none');
	}
	// Stable: equal times keep document order (explicit requests first, then arrivals).
	return out
		.map((r, i) => ({ r, i }))
		.sort((a, b) => a.r.at - b.r.at || a.i - b.i)
		.map(({ r }) => r);
}

/** The handler names a message lists: the first few, then how many more. */
function knownNames(names: string[]): string {
	if (names.length === 0) return 'none defined';
	const shown = names.slice(0, 10).map(shownName).join(', ');
	return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

function checkBackground(c: Checker, value: unknown): BackgroundSpec[] {
	if (value === undefined) return [];
	const list = c.array(value, ['background']) ?? [];
	return list.flatMap((item, i) => {
		const p: Path = ['background', i];
		const b = c.object(item, p, ['kind', 'everyMs', 'startMs']);
		if (!b) return [];
		return [
			{
				kind: c.choice(b, 'kind', p, ['heartbeat', 'lagMonitor'] as const),
				everyMs: c.period(b, 'everyMs', p, { max: 3_600_000 }),
				startMs: c.number(b, 'startMs', p, { min: -3_600_000, max: 3_600_000, fallback: 0 })
			}
		];
	});
}
