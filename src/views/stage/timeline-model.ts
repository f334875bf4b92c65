import type { ThreadKind as EngineThreadKind, TraceEvent } from '../../../simulations/index';
import type { LaneState } from './state-style';

/** What kind of thread a thread lane is, as the engine's thread events say. */
export type ThreadKind = Exclude<EngineThreadKind, 'loop'>;

/** A cross-thread hand-off as the trace's `handoff` events carry it, placed at `at` ms. */
export type Handoff = Extract<TraceEvent, { type: 'handoff' }>['detail'] & { at: number };

export interface Segment {
	from: number;
	to: number;
	state: LaneState;
}

export interface Lane {
	id: string;
	kind: 'loop' | 'request' | 'thread';
	/** What a thread lane's thread is for; null for the loop and request lanes. */
	thread: ThreadKind | null;
	/** The lane's name in words: "loop thread", "r1", "pool thread 1", "reader thread". */
	label: string;
	segments: Segment[];
}

export interface TimelineModel {
	lanes: Lane[];
	beats: number[];
	lags: { atMs: number; lagMs: number }[];
	handoffs: Handoff[];
	/** Where the drawing ends: past the hang, for a hung run, to show that nothing changes. */
	endMs: number;
	hungAtMs: number | null;
}

const THREAD_STATE: Record<string, LaneState | null> = {
	running: 'running',
	blocked: 'blocked',
	wantsGil: 'gil',
	selecting: 'asleep',
	idle: null
};

/** A thread lane's name: "pool thread 1", "reader thread", "host thread 2". */
export function threadLabel(id: string, kind: ThreadKind): string {
	const n = /(\d+)$/.exec(id)?.[1];
	return n ? `${kind} thread ${n}` : `${kind} thread`;
}

/**
 * One lane per loop thread, request (and gather branch) and other thread, as segments of state.
 * A running task shows what the loop thread does for it: Python, blocked, or waiting for the GIL.
 * Only the loop thread's blocking is the alarm; another thread blocked is `thread-blocked`.
 * A hung run's lanes go on in the state they were left in, a quarter again (at least 100 ms).
 */
export function buildTimeline(
	trace: readonly TraceEvent[],
	runEndMs: number,
	hungAtMs: number | null = null
): TimelineModel {
	const endMs = hungAtMs === null ? runEndMs : runEndMs + Math.max(100, runEndMs / 4);
	const lanes = new Map<string, Lane>();
	const open = new Map<string, { state: LaneState; from: number }>();
	const taskState = new Map<string, string>();
	const beats: number[] = [];
	const lags: { atMs: number; lagMs: number }[] = [];
	const handoffs: Handoff[] = [];
	let loopState = 'idle';
	let current: string | null = null;

	const lane = (id: string, kind: Lane['kind'], thread: ThreadKind | null = null) => {
		let l = lanes.get(id);
		const label = thread ? threadLabel(id, thread) : kind === 'loop' ? 'loop thread' : id;
		if (!l) lanes.set(id, (l = { id, kind, thread, label, segments: [] }));
		return l;
	};
	const set = (id: string, state: LaneState | null, t: number) => {
		const o = open.get(id);
		if (o && o.state === state) return;
		if (o && t > o.from) lanes.get(id)?.segments.push({ from: o.from, to: t, state: o.state });
		if (state) open.set(id, { state, from: t });
		else open.delete(id);
	};
	const taskLane = (id: string): LaneState | null => {
		const s = taskState.get(id);
		if (s === 'running') {
			const loop = THREAD_STATE[loopState];
			return loop === 'blocked' || loop === 'gil' ? loop : 'running';
		}
		if (s === 'waiting') return 'awaiting';
		if (s === 'ready' || s === 'arrived') return 'queued';
		return null;
	};

	const loopThread = (id: string, state: string, t: number) => {
		loopState = state;
		set(id, THREAD_STATE[state] ?? null, t);
		lane(id, 'loop');
		if (current) set(current, taskLane(current), t);
	};

	for (const e of trace) {
		switch (e.type) {
			case 'arrive':
				lane(e.actor, 'request');
				taskState.set(e.actor, 'arrived');
				set(e.actor, 'queued', e.t);
				break;
			case 'task':
				if (!lanes.has(e.actor) && !/^(heartbeat|lagMonitor)$/.test(e.actor))
					lane(e.actor, 'request');
				if (!lanes.has(e.actor)) break;
				taskState.set(e.actor, e.detail.state);
				if (e.detail.state === 'running') current = e.actor;
				else if (current === e.actor) current = null;
				set(e.actor, taskLane(e.actor), e.t);
				break;
			case 'thread':
				if (e.detail.kind === 'loop') loopThread(e.actor, e.detail.state, e.t);
				else {
					lane(e.actor, 'thread', e.detail.kind);
					const state = THREAD_STATE[e.detail.state] ?? null;
					set(e.actor, state === 'blocked' ? 'thread-blocked' : state, e.t);
				}
				break;
			// The loop thread goes into select() with this event; no thread event says so.
			case 'select':
				loopThread(e.actor, 'selecting', e.t);
				break;
			case 'handoff':
				handoffs.push({ at: e.t, ...e.detail });
				break;
			case 'beat':
				beats.push(e.t);
				break;
			case 'lag':
				lags.push({ atMs: e.t, lagMs: e.detail.lagMs });
				break;
		}
	}
	for (const id of [...open.keys()]) set(id, null, Math.max(endMs, open.get(id)?.from ?? 0));
	// The threads sit next to the loop, so hand-off arrows between them stay short.
	const order = { loop: 0, thread: 1, request: 2 };
	const ordered = [...lanes.values()].sort((a, b) => order[a.kind] - order[b.kind]);
	return { lanes: ordered, beats, lags, handoffs, endMs, hungAtMs };
}
