import type { TraceEvent } from '../../../simulations/index';

/** What a lane is doing over a stretch of time. */
export type LaneState = 'queued' | 'running' | 'blocked' | 'gil' | 'awaiting' | 'asleep';

export interface Segment {
	from: number;
	to: number;
	state: LaneState;
}

export interface Lane {
	id: string;
	kind: 'loop' | 'request' | 'thread';
	segments: Segment[];
}

export interface TimelineModel {
	lanes: Lane[];
	beats: number[];
	lags: { atMs: number; lagMs: number }[];
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

/**
 * One lane per loop thread, request (and gather branch) and pool thread, as segments of state.
 * A running task shows what the loop thread does for it: Python, blocked, or waiting for the GIL.
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
	let loopState = 'idle';
	let current: string | null = null;

	const lane = (id: string, kind: Lane['kind']) => {
		let l = lanes.get(id);
		if (!l) lanes.set(id, (l = { id, kind, segments: [] }));
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
				if (e.actor === 'loop') {
					loopState = e.detail.state;
					set('loop', THREAD_STATE[loopState] ?? null, e.t);
					lane('loop', 'loop');
					if (current) set(current, taskLane(current), e.t);
				} else {
					lane(e.actor, 'thread');
					set(e.actor, THREAD_STATE[e.detail.state] ?? null, e.t);
				}
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
	const order = { loop: 0, request: 1, thread: 2 };
	const ordered = [...lanes.values()].sort((a, b) => order[a.kind] - order[b.kind]);
	return { lanes: ordered, beats, lags, endMs, hungAtMs };
}
