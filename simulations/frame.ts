import { loopMachine, phaseAnnouncedBy, type LoopPhase, type ThreadState } from './machines';
import type { HandoffKind, LogSource, Outcome, TaskState, ThreadKind, TraceEvent } from './trace';

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
				loop.timers = loop.timers.filter((t) => t.id !== id);
			}
			if (e.detail.request !== undefined) {
				const id = e.detail.request;
				f.unread = f.unread.filter((r) => r !== id);
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
			loop.timers.push({ id: e.detail.id, at: e.detail.at, cb: e.detail.cb });
			loop.timers.sort((a, b) => a.at - b.at || a.id - b.id);
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
			f.gil = { holder: e.detail.holder, waiters: [...e.detail.waiters] };
			break;
		case 'lock':
			f.locks[e.actor.slice('lock:'.length)] = {
				kind: e.detail.kind,
				holder: e.detail.holder,
				waiters: [...e.detail.waiters]
			};
			break;
		case 'pool':
			f.pool = { queue: [...e.detail.queue], threads: e.detail.threads };
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

const CHECKPOINT_EVERY = 256;

/** Random access to the frames of a trace, by event count and by time. */
export interface Framer {
	/** The state after the first n events. */
	at(n: number): Frame;
	/** The state at time t (ms): every event with `e.t <= t` applied, and `frame.t = t`. */
	atTime(t: number): Frame;
}

/**
 * Random access to the frames of a trace. Checkpoints every 256 events keep stepping backwards
 * as cheap as stepping forwards.
 */
export function createFramer(trace: readonly TraceEvent[]): Framer {
	const checkpoints: string[] = [JSON.stringify(emptyFrame())];
	const f = emptyFrame();
	for (let i = 0; i < trace.length; i++) {
		applyEvent(f, trace[i]);
		if ((i + 1) % CHECKPOINT_EVERY === 0) checkpoints.push(JSON.stringify(f));
	}
	const at = (n: number): Frame => {
		const target = Math.max(0, Math.min(trace.length, Math.floor(n)));
		const k = Math.floor(target / CHECKPOINT_EVERY);
		const frame = JSON.parse(checkpoints[k]) as Frame;
		for (let i = k * CHECKPOINT_EVERY; i < target; i++) applyEvent(frame, trace[i]);
		return frame;
	};
	return {
		at,
		atTime(t) {
			const frame = at(eventsUpTo(trace, t));
			frame.t = t;
			return frame;
		}
	};
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
