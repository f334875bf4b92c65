// Reads viztracer's `--log_async` JSON: the loop thread carries `Handle._run` and `*.select`
// slices, and each task is a tid named after the task whose slices are that task's frames.
import type { LoopSlice, TraceModel } from './model';
import { sortModel } from './import-recorder';
import { msFrom, originOf, threadNames, type TraceEvent } from './trace-events';

const HANDLE_RUN = /^Handle\._run \(/;
const SELECT = /^\w*Selector\.select \(/;

/** Whether the events look like viztracer's: some `Handle._run (file:line)` slice. */
export const looksLikeViztracer = (events: TraceEvent[]): boolean =>
	events.some((e) => e.ph === 'X' && HANDLE_RUN.test(e.name ?? ''));

/** The model of a viztracer trace; the loop thread is the one that runs `Handle._run`. */
export function importViztracer(events: TraceEvent[], about: Record<string, unknown>): TraceModel {
	const origin = originOf(events);
	const threads = threadNames(events);
	const runs = events.filter((e) => e.ph === 'X' && HANDLE_RUN.test(e.name ?? ''));
	const loopTid = runs[0].tid;
	const taskTids = new Map<string, number>();
	for (const [key, name] of threads)
		if (/^Task-\d+$/.test(name)) taskTids.set(key, taskTids.size + 1);
	const taskFrames = events
		.filter((e) => e.ph === 'X' && taskTids.has(`${e.pid}:${e.tid}`))
		.sort((a, b) => a.ts! - b.ts!);
	const model: TraceModel = {
		source: 'viztracer',
		notes: ['viztracer records no timer due times: the loop lag is not in this file'],
		originUs: origin,
		slices: runs.map((run) => sliceOf(run, outermost(taskFrames, run), threads, taskTids, origin)),
		selects: events
			.filter((e) => e.ph === 'X' && e.tid === loopTid && SELECT.test(e.name ?? ''))
			.map((e) => ({ atMs: msFrom(origin, e.ts!), ms: e.dur! / 1000, timeoutMs: null })),
		tasks: [...taskTids].map(([key, id]) => ({ id, name: threads.get(key)! })),
		pool: [],
		requests: [],
		lag: [],
		samples: [],
		about
	};
	sortModel(model);
	return model;
}

// The longest task-thread frame inside the run: the coroutine the step resumed.
function outermost(frames: TraceEvent[], run: TraceEvent): TraceEvent | undefined {
	const end = run.ts! + run.dur!;
	let best: TraceEvent | undefined;
	for (const f of frames) {
		if (f.ts! < run.ts!) continue;
		if (f.ts! > end) break;
		if (f.ts! + f.dur! <= end && (!best || f.dur! > best.dur!)) best = f;
	}
	return best;
}

function sliceOf(
	run: TraceEvent,
	frame: TraceEvent | undefined,
	threads: Map<string, string>,
	taskTids: Map<string, number>,
	origin: number
): LoopSlice {
	const base = { atMs: msFrom(origin, run.ts!), ms: run.dur! / 1000 };
	if (!frame) return { ...base, kind: 'callback', name: 'callback' };
	const key = `${frame.pid}:${frame.tid}`;
	const match = /^(.*?) \((.*)\)$/.exec(frame.name ?? '');
	const coro = match ? match[1] : (frame.name ?? '?');
	return {
		...base,
		kind: 'task-step',
		name: coro,
		taskId: taskTids.get(key),
		task: threads.get(key),
		coro,
		...(match ? { where: match[2] } : {})
	};
}
