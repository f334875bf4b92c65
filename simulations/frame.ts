import { loopMachine, phaseAnnouncedBy, type LoopPhase, type ThreadState } from './machines';
import type {
	HandoffKind,
	LogSource,
	Outcome,
	TaskState,
	ThreadKind,
	TraceEvent,
	WaiterChanges
} from './trace';

/** What the loop thread does: it sleeps in select(), runs Python (a callback or the loop's own), or is blocked. */
export type LoopThreadState = 'select' | 'callback' | 'blocked';

/** The complete state at one moment of a run, as the views draw it. */
export interface Frame {
	/** How many trace events have been applied. */
	index: number;
	/** The moment drawn (ms): exactly the time asked for, not the last event's time. */
	t: number;
	loop: {
		phase: LoopPhase;
		timeoutMs: number | null;
		running: string | null;
		ready: string[];
		/** Timers not yet moved to `ready`, soonest first; one with `at <= t` is due (overdue when `at < t`). */
		timers: { id: number; at: number; cb: string }[];
		/** How many entries at the head of `ready` this iteration's batch runs; the rest arrived during it (0 outside a batch). */
		batch: number;
	};
	/** What the loop thread does: exactly one of three. `blockedOn` says on what when blocked (a blocking call, a lock, the GIL, fut.result()). */
	loopThread: { state: LoopThreadState; blockedOn: string | null };
	/** Requests that have arrived and wait at the selector, unread by the loop (the restaurant's door). */
	unread: string[];
	/** Every thread with a lane: the loop thread, pool threads, reader threads, host threads. `kind` tells them apart. */
	threads: Record<string, { state: ThreadState; doing: string | null; kind: ThreadKind }>;
	gil: { holder: string | null; waiters: string[] };
	locks: Record<string, { kind: 'thread' | 'asyncio'; holder: string | null; waiters: string[] }>;
	pool: { queue: string[]; threads: number };
	tasks: Record<string, { state: TaskState; on: string | null }>;
	requests: Record<string, { state: 'arrived' | 'ok' | 'error'; error?: string }>;
	heartbeats: number;
	lastLagMs: number | null;
	outcome: Outcome | null;
	/** Why the run hung, once it has. */
	hungReason: string | null;
	/** Why the run was cut short (its limit, the event budget), once it was. */
	stoppedReason: string | null;
	/** Cross-thread hand-offs up to this moment, newest last (`at` ms): call_soon_threadsafe (wakes the loop), an unsafe set_result (no wake-up), run_coroutine_threadsafe, a fut.result() wait (from a thread to the loop's future). */
	handoffs: {
		at: number;
		from: string;
		to: string;
		kind: HandoffKind;
		what: string;
		woke: boolean;
	}[];
	/** What the process has printed to stderr so far, in CPython's own words (asyncio's logger, threading.excepthook). */
	log: { at: number; source: LogSource; text: string }[];
}

/** The loop thread's one state, read from its thread state (`wantsGil` is blocked on the GIL). */
export function loopThreadOf(
	thread: { state: ThreadState; doing: string | null } | undefined
): Frame['loopThread'] {
	switch (thread?.state) {
		case 'selecting':
			return { state: 'select', blockedOn: null };
		case 'blocked':
			return { state: 'blocked', blockedOn: thread.doing ?? 'a blocking call' };
		case 'wantsGil':
			return { state: 'blocked', blockedOn: 'the GIL' };
		default:
			// Running, or not yet started: asyncio.run() is about to run the loop's first Python.
			return { state: 'callback', blockedOn: null };
	}
}

/** The frame before any event. */
export function emptyFrame(): Frame {
	return {
		index: 0,
		t: 0,
		loop: {
			phase: loopMachine.config.initial as LoopPhase,
			timeoutMs: null,
			running: null,
			ready: [],
			timers: [],
			batch: 0
		},
		loopThread: loopThreadOf(undefined),
		unread: [],
		threads: {},
		gil: { holder: null, waiters: [] },
		locks: {},
		pool: { queue: [], threads: 0 },
		tasks: {},
		requests: {},
		heartbeats: 0,
		lastLagMs: null,
		outcome: null,
		hungReason: null,
		stoppedReason: null,
		handoffs: [],
		log: []
	};
}

/** Applies one event to a frame in place. */
export function applyEvent(f: Frame, e: TraceEvent): void {
	f.index++;
	f.t = e.t;
	const loop = f.loop;
	// The loop machine names the trace event that announces each of its phases.
	loop.phase = phaseAnnouncedBy[e.type] ?? loop.phase;
	switch (e.type) {
		case 'arrive':
			f.requests[e.actor] = { state: 'arrived' };
			if (e.detail.waitsAt === 'selector') f.unread.push(e.actor);
			break;
		case 'select':
			// The loop thread has released the GIL and sleeps in select() (one event: no frame between).
			loop.timeoutMs = e.detail.timeoutMs;
			loop.batch = 0;
			f.threads.loop = {
				state: 'selecting',
				doing: 'select()',
				kind: f.threads.loop?.kind ?? 'loop'
			};
			f.loopThread = loopThreadOf(f.threads.loop);
			break;
		case 'batch':
			loop.batch = e.detail.n;
			break;
		case 'enqueue':
			loop.ready.push(e.detail.cb);
			if (e.detail.timer !== undefined) {
				const id = e.detail.timer;
				removeFirst(loop.timers, (t) => t.id === id);
			}
			if (e.detail.request !== undefined) {
				const id = e.detail.request;
				removeFirst(f.unread, (r) => r === id);
			}
			break;
		case 'run':
			loop.ready.shift();
			loop.batch = Math.max(0, loop.batch - 1);
			loop.running = e.detail.cb;
			break;
		case 'return':
			loop.running = null;
			break;
		case 'timer':
			insertTimer(loop.timers, { id: e.detail.id, at: e.detail.at, cb: e.detail.cb });
			break;
		case 'thread':
			f.threads[e.actor] = { state: e.detail.state, doing: e.detail.doing, kind: e.detail.kind };
			if (e.actor === 'loop') f.loopThread = loopThreadOf(f.threads.loop);
			break;
		case 'handoff':
			f.handoffs.push({ at: e.t, ...e.detail });
			break;
		case 'log':
			f.log.push({ at: e.t, ...e.detail });
			break;
		case 'gil':
			f.gil.holder = e.detail.holder;
			applyWaiterChanges(f.gil.waiters, e.detail);
			break;
		case 'lock': {
			const name = e.actor.slice('lock:'.length);
			const lock = (f.locks[name] ??= { kind: e.detail.kind, holder: null, waiters: [] });
			lock.holder = e.detail.holder;
			applyWaiterChanges(lock.waiters, e.detail);
			break;
		}
		case 'pool':
			f.pool.threads = e.detail.threads;
			applyWaiterChanges(f.pool.queue, e.detail);
			break;
		case 'task':
			f.tasks[e.actor] = { state: e.detail.state, on: e.detail.on };
			break;
		case 'done':
			f.requests[e.actor] =
				e.detail.error === undefined
					? { state: e.detail.status }
					: { state: e.detail.status, error: e.detail.error };
			break;
		case 'beat':
			f.heartbeats++;
			break;
		case 'lag':
			f.lastLagMs = e.detail.lagMs;
			break;
		case 'end':
			f.outcome = e.detail.outcome;
			// A finished run cancels what the background tasks still had scheduled.
			if (f.outcome === 'completed') loop.timers = [];
			break;
		case 'hung':
			f.hungReason = e.detail.reason;
			break;
		case 'stopped':
			f.stoppedReason = e.detail.reason;
			break;
		case 'wake':
		case 'rpc':
		case 'warning':
			break;
	}
}

/** A FIFO's changes in place: who left (from the head), then who joined (at the tail). */
function applyWaiterChanges(list: string[], { joined, left }: WaiterChanges): void {
	for (const name of left) removeFirst(list, (x) => x === name);
	for (const name of joined) list.push(name);
}

// What leaves a list is nearly always at its head, so a search from the front is O(1) in practice.
function removeFirst<T>(list: T[], match: (x: T) => boolean): void {
	const i = list.findIndex(match);
	if (i >= 0) list.splice(i, 1);
}

type Timer = Frame['loop']['timers'][number];

/** Keeps `timers` sorted soonest first (ties by id) with one binary search, not a sort per timer. */
function insertTimer(timers: Timer[], timer: Timer): void {
	let lo = 0;
	let hi = timers.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const m = timers[mid];
		if (m.at < timer.at || (m.at === timer.at && m.id < timer.id)) lo = mid + 1;
		else hi = mid;
	}
	timers.splice(lo, 0, timer);
}

/** Random access to the frames of a trace, by event count and by time. */
export interface Framer {
	/** The state after the first n events. */
	at(n: number): Frame;
	/** The state at time t (ms): every event with `e.t <= t` applied, and `frame.t = t`. */
	atTime(t: number): Frame;
	/** How many list entries and record keys the keyframes hold: linear in the trace's length. */
	storedEntries(): number;
}

/**
 * Random access to the frames of a trace, with memory linear in its length. A frame has two kinds
 * of state: live state (the queues, timers, threads, locks, the pool), as large as what is going on
 * at that moment, and history (every request and task seen so far, the hand-offs and the log),
 * which only grows. Keyframes copy the live state only, at least every 256 events and never more
 * often than the live state's size in events, so their total stays linear even when ten thousand
 * requests queue at once; the history is kept once, as each key's changes and each list's entries,
 * and read back up to the keyframe. A frame is its keyframe plus at most one gap of events replayed,
 * so stepping backwards costs what stepping forwards does. Frames share the history's entries:
 * treat them as read-only.
 */
export function createFramer(trace: readonly TraceEvent[]): Framer {
	const builder = framerBuilder();
	for (const e of trace) builder.add(e);
	return builder.framer();
}

/** A framer built one event at a time, so a long trace can be taken in slices (between tasks). */
export interface FramerBuilder {
	/** The trace's next event. */
	add(e: TraceEvent): void;
	/** Random access to the frames of the events added so far (add no more after this). */
	framer(): Framer;
}

export function framerBuilder(): FramerBuilder {
	const trace: TraceEvent[] = [];
	const requests = new KeyHistory<Frame['requests'][string]>();
	const tasks = new KeyHistory<Frame['tasks'][string]>();
	const f = emptyFrame();
	const keyframes: Keyframe[] = [keyframeOf(f)];
	let next = KEYFRAME_EVERY;
	let stored = 0;

	const add = (e: TraceEvent): void => {
		trace.push(e);
		const n = trace.length;
		applyEvent(f, e);
		// Every event that touches a request or a task writes its own actor's entry.
		requests.record(e.actor, f.requests[e.actor], n);
		tasks.record(e.actor, f.tasks[e.actor], n);
		if (n < next) return;
		const size = liveSize(f);
		const last = keyframes[keyframes.length - 1].index;
		if (n - last >= size) {
			keyframes.push(keyframeOf(f));
			stored += size;
			next = n + KEYFRAME_EVERY;
		} else next = last + size;
	};

	const at = (n: number): Frame => {
		const target = Math.max(0, Math.min(trace.length, Math.floor(n)));
		const k = keyframes[lastAtOrBefore(keyframes, target)];
		const frame: Frame = {
			...structuredCopy(k.live),
			requests: requests.at(k.index),
			tasks: tasks.at(k.index),
			handoffs: f.handoffs.slice(0, k.handoffs),
			log: f.log.slice(0, k.log)
		};
		for (let i = k.index; i < target; i++) applyEvent(frame, trace[i]);
		return frame;
	};
	const framer: Framer = {
		at,
		atTime(t) {
			const frame = at(eventsUpTo(trace, t));
			frame.t = t;
			return frame;
		},
		storedEntries: () => stored
	};
	return { add, framer: () => framer };
}

/** Events between keyframes, at least (more while the live state is larger). */
const KEYFRAME_EVERY = 256;

type History = 'requests' | 'tasks' | 'handoffs' | 'log';
const HISTORY = new Set<string>(['requests', 'tasks', 'handoffs', 'log'] satisfies History[]);
type Live = Omit<Frame, History>;

/** A frame's live state after `index` events, and how long its history lists were then. */
interface Keyframe {
	index: number;
	live: Live;
	handoffs: number;
	log: number;
}

function keyframeOf(f: Frame): Keyframe {
	const live: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(f)) {
		if (!HISTORY.has(key)) live[key] = structuredCopy(value);
	}
	return { index: f.index, live: live as Live, handoffs: f.handoffs.length, log: f.log.length };
}

/** What copying the live state costs: its lists' entries and its records' keys. */
function liveSize(f: Frame): number {
	let size = f.loop.ready.length + f.loop.timers.length + f.unread.length;
	size += f.gil.waiters.length + f.pool.queue.length;
	size += Object.keys(f.threads).length;
	for (const name in f.locks) size += 1 + f.locks[name].waiters.length;
	return size;
}

/** A deep copy of the live state (plain data: objects, arrays, strings, numbers, null). */
function structuredCopy<T>(x: T): T {
	if (Array.isArray(x)) return x.map(structuredCopy) as T;
	if (x === null || typeof x !== 'object') return x;
	const out: Record<string, unknown> = {};
	for (const key in x) out[key] = structuredCopy((x as Record<string, unknown>)[key]);
	return out as T;
}

/**
 * A record's entries as they changed along the trace (requests, tasks): each key's values with
 * the event count from which they hold, keys in the order they first appeared (the record's own).
 */
class KeyHistory<V> {
	private keys: string[] = [];
	private ordinal = new Map<string, number>();
	private from: number[][] = [];
	private values: V[][] = [];

	/** The key's value after `index` events (undefined: the event did not set it). */
	record(key: string, value: V | undefined, index: number): void {
		if (value === undefined) return;
		let o = this.ordinal.get(key);
		if (o === undefined) {
			o = this.keys.length;
			this.ordinal.set(key, o);
			this.keys.push(key);
			this.from.push([]);
			this.values.push([]);
		}
		const values = this.values[o];
		if (values[values.length - 1] === value) return;
		values.push(value);
		this.from[o].push(index);
	}

	/** The record after `index` events. */
	at(index: number): Record<string, V> {
		const out: Record<string, V> = {};
		for (let o = 0; o < this.keys.length && this.from[o][0] <= index; o++) {
			const from = this.from[o];
			let j = from.length - 1;
			while (from[j] > index) j--;
			out[this.keys[o]] = this.values[o][j];
		}
		return out;
	}
}

/** The last keyframe at or before `index` events: a binary search. */
function lastAtOrBefore(keyframes: readonly Keyframe[], index: number): number {
	let lo = 0;
	let hi = keyframes.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >>> 1;
		if (keyframes[mid].index <= index) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** How many events of a trace (sorted by time) have `e.t <= t`: a binary search. */
function eventsUpTo(trace: readonly TraceEvent[], t: number): number {
	let lo = 0;
	let hi = trace.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (trace[mid].t <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The state after the first n events of a trace. */
export function frameAt(trace: readonly TraceEvent[], n: number): Frame {
	const f = emptyFrame();
	const end = Math.max(0, Math.min(trace.length, n));
	for (let i = 0; i < end; i++) applyEvent(f, trace[i]);
	return f;
}
