// Reads the traces public/event_loop_lab_record.py writes (otherData.format event-loop-lab/trace@1).
import {
	emptyModel,
	type LoopSlice,
	type TraceModel,
	type TraceRequest,
	type TraceTask
} from './model';
import { msFrom, originOf, threadNames, type TraceEvent } from './trace-events';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The model of one of our recorder's traces. */
export function importRecorder(events: TraceEvent[], about: Record<string, unknown>): TraceModel {
	const origin = originOf(events);
	const at = (e: TraceEvent) => msFrom(origin, e.ts!);
	const threads = threadNames(events);
	const model = emptyModel('event-loop-lab', { originUs: origin, about });
	if (about.perCallback === false)
		model.notes.push(
			`recorded under ${String(about.loop ?? 'uvloop')}: heartbeat lag and stall samples only; per-callback timings need --loop asyncio`
		);
	const opened = new Map<string, TraceEvent>();
	for (const e of events) {
		const args = e.args ?? {};
		if (e.ph === 'X' && (e.cat === 'task-step' || e.cat === 'callback')) {
			const slice: LoopSlice = { kind: e.cat, atMs: at(e), ms: e.dur! / 1000, name: e.name ?? '?' };
			if (num(args.taskId) !== undefined) slice.taskId = num(args.taskId);
			if (str(args.task)) slice.task = str(args.task);
			if (str(args.coro)) slice.coro = str(args.coro);
			if (str(args.where)) slice.where = str(args.where);
			if (num(args.cpuMs) !== undefined) slice.cpuMs = num(args.cpuMs);
			const late = num(args.lateMs);
			if (late !== undefined) {
				slice.lateMs = late;
				model.lag.push({ atMs: slice.atMs, lagMs: late });
			}
			model.slices.push(slice);
		} else if (e.ph === 'X' && e.cat === 'select') {
			model.selects.push({
				atMs: at(e),
				ms: e.dur! / 1000,
				timeoutMs: num(args.timeoutMs) ?? null
			});
		} else if (e.ph === 'X' && e.cat === 'executor') {
			const submitted = num(args.submitMs);
			model.pool.push({
				thread: threads.get(`${e.pid}:${e.tid}`) ?? String(e.tid),
				atMs: at(e),
				ms: e.dur! / 1000,
				fn: str(args.fn) ?? e.name ?? '?',
				...(submitted === undefined ? {} : { submittedMs: msFrom(origin, submitted * 1000) }),
				...(num(args.submittedByTaskId) === undefined
					? {}
					: { taskId: num(args.submittedByTaskId) })
			});
		} else if (e.ph === 'i' && e.cat === 'task') {
			const task: TraceTask = {
				id: num(args.taskId) ?? model.tasks.length + 1,
				name: str(args.task) ?? '?'
			};
			if (str(args.coro)) task.coro = str(args.coro);
			if (num(args.parentId) !== undefined) task.parentId = num(args.parentId);
			task.createdMs = at(e);
			model.tasks.push(task);
		} else if (e.ph === 'i' && e.cat === 'heartbeat') {
			model.lag.push({ atMs: at(e), lagMs: num(args.lateMs) ?? 0 });
		} else if (e.ph === 'i' && e.cat === 'stall-sample') {
			const stack = Array.isArray(args.stack) ? args.stack.map(String) : [];
			model.samples.push({ atMs: at(e), stack });
		} else if (e.cat === 'request' && (e.ph === 'b' || e.ph === 'e')) {
			const key = String(e.id);
			const begin = opened.get(key);
			if (e.ph === 'b') opened.set(key, e);
			else if (begin) {
				opened.delete(key);
				model.requests.push(requestOf(key, begin, at(begin), at(e)));
			}
		}
	}
	for (const [key, begin] of opened) {
		model.requests.push({ ...requestOf(key, begin, at(begin), NaN) });
		model.notes.push(`request ${key} has no end: the recording stopped before it answered`);
	}
	sortModel(model);
	return model;
}

function requestOf(id: string, begin: TraceEvent, arriveMs: number, endMs: number): TraceRequest {
	const args = begin.args ?? {};
	const request: TraceRequest = { id, path: str(args.path) ?? begin.name ?? '?', arriveMs, endMs };
	if (str(args.method)) request.method = str(args.method);
	if (num(args.taskId) !== undefined) request.taskId = num(args.taskId);
	return request;
}

/** Puts every list of the model in time order, as the analysis expects. */
export function sortModel(model: TraceModel): void {
	const byAt = (a: { atMs: number }, b: { atMs: number }) => a.atMs - b.atMs;
	model.slices.sort(byAt);
	model.selects.sort(byAt);
	model.pool.sort(byAt);
	model.lag.sort(byAt);
	model.samples.sort(byAt);
	model.requests.sort((a, b) => a.arriveMs - b.arriveMs);
}
