import { loopMachine, phaseAnnouncedBy, type LoopPhase, type ThreadState } from './machines';
import type { TaskState, TraceEvent } from './trace';

/** The complete state at one moment of a run, as the views draw it. */
export interface Frame {
	/** How many trace events have been applied. */
	index: number;
	t: number;
	loop: {
		phase: LoopPhase;
		timeoutMs: number | null;
		running: string | null;
		ready: string[];
		timers: { id: number; at: number; cb: string }[];
	};
	threads: Record<string, { state: ThreadState; doing: string | null }>;
	gil: { holder: string | null; waiters: string[] };
	locks: Record<string, { kind: 'thread' | 'asyncio'; holder: string | null; waiters: string[] }>;
	pool: { queue: string[]; threads: number };
	tasks: Record<string, { state: TaskState; on: string | null }>;
	requests: Record<string, { state: 'arrived' | 'ok' | 'error'; error?: string }>;
	heartbeats: number;
	lastLagMs: number | null;
	outcome: 'completed' | 'hung' | null;
	/** Why the run hung, once it has. */
	hungReason: string | null;
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
			timers: []
		},
		threads: {},
		gil: { holder: null, waiters: [] },
		locks: {},
		pool: { queue: [], threads: 0 },
		tasks: {},
		requests: {},
		heartbeats: 0,
		lastLagMs: null,
		outcome: null,
		hungReason: null
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
			break;
		case 'select':
			loop.timeoutMs = e.detail.timeoutMs;
			break;
		case 'enqueue':
			loop.ready.push(e.detail.cb);
			if (e.detail.timer !== undefined) {
				const id = e.detail.timer;
				loop.timers = loop.timers.filter((t) => t.id !== id);
			}
			break;
		case 'run':
			loop.ready.shift();
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
			f.threads[e.actor] = { state: e.detail.state, doing: e.detail.doing };
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
			break;
		case 'hung':
			f.hungReason = e.detail.reason;
			break;
		case 'wake':
		case 'batch':
		case 'rpc':
		case 'warning':
			break;
	}
}

const CHECKPOINT_EVERY = 256;

/**
 * Random access to the frames of a trace: `frameAt(n)` is the state after the first n events.
 * Checkpoints every 256 events keep stepping backwards as cheap as stepping forwards.
 */
export function createFramer(trace: readonly TraceEvent[]): (n: number) => Frame {
	const checkpoints: string[] = [JSON.stringify(emptyFrame())];
	const f = emptyFrame();
	for (let i = 0; i < trace.length; i++) {
		applyEvent(f, trace[i]);
		if ((i + 1) % CHECKPOINT_EVERY === 0) checkpoints.push(JSON.stringify(f));
	}
	return (n) => {
		const target = Math.max(0, Math.min(trace.length, Math.floor(n)));
		const k = Math.floor(target / CHECKPOINT_EVERY);
		const frame = JSON.parse(checkpoints[k]) as Frame;
		for (let i = k * CHECKPOINT_EVERY; i < target; i++) applyEvent(frame, trace[i]);
		return frame;
	};
}

/** The state after the first n events of a trace. */
export function frameAt(trace: readonly TraceEvent[], n: number): Frame {
	const f = emptyFrame();
	const end = Math.max(0, Math.min(trace.length, n));
	for (let i = 0; i < end; i++) applyEvent(f, trace[i]);
	return f;
}
