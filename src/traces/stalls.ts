// "What blocked the loop": each callback that ran longer than a threshold, and the requests that
// waited behind it.
import type { LoopSlice, SelectWait, TraceModel, TraceRequest } from './model';
import { countUntil } from './time-index';

/** A select shorter than this did not idle: the loop was still busy with queued work. */
export const IDLE_MS = 1;

/** The default threshold: a callback of 50 ms or more is a stall. */
export const STALL_MS = 50;

/** A request that waited behind a stall, and how much latency the stall added to it. */
export interface Waiter {
	id: string;
	path: string;
	addedMs: number;
	/** in-loop: the request was already in the app during the stall (exact overlap).
	 *  before-arrival: the app saw it right after the stall, with no idle moment between, so its
	 *  bytes may have sat in the socket during it (addedMs is then an upper bound). */
	seen: 'in-loop' | 'before-arrival';
}

/** One callback or task step that held the loop for at least the threshold. */
export interface Stall {
	atMs: number;
	ms: number;
	task: string | null;
	coro: string | null;
	/** Where it blocked: the watchdog's sampled line if there is one, else where the step was. */
	where: string | null;
	waited: Waiter[];
}

/** The stalls of a run, in time order, with the requests that waited behind each. */
export function findStalls(model: TraceModel, thresholdMs = STALL_MS): Stall[] {
	const idle = model.selects.filter((w) => w.ms > IDLE_MS);
	// Only requests near a stall can have waited behind it: those in the app during it (they
	// arrived at most the longest latency before it), or seen after it with no idle wait between.
	const longest = Math.max(
		0,
		...model.requests.filter((r) => Number.isFinite(r.endMs)).map((r) => r.endMs - r.arriveMs)
	);
	const byArrival = [...model.requests].sort((a, b) => a.arriveMs - b.arriveMs);
	const arrivals = byArrival.map((r) => ({ atMs: r.arriveMs }));
	const order = new Map(model.requests.map((r, i) => [r, i]));
	const near = (s: LoopSlice) => {
		const next = idle[countUntil(idle, s.atMs + s.ms, true)];
		const from = countUntil(arrivals, s.atMs - longest, true);
		const to = next ? countUntil(arrivals, next.atMs) : arrivals.length;
		return byArrival.slice(from, to).sort((a, b) => order.get(a)! - order.get(b)!);
	};
	return model.slices
		.filter((s) => s.ms >= thresholdMs)
		.map((s) => ({
			atMs: s.atMs,
			ms: s.ms,
			task: s.task ?? null,
			coro: s.coro ?? (s.kind === 'callback' ? s.name : null),
			where: sampledLine(model, s) ?? s.where ?? null,
			waited: near(s).flatMap((r) => waiter(model, idle, s, r) ?? [])
		}));
}

function waiter(
	model: TraceModel,
	idle: readonly SelectWait[],
	s: LoopSlice,
	r: TraceRequest
): Waiter | undefined {
	if (r.taskId !== undefined && r.taskId === s.taskId) return undefined; // its own work
	const end = s.atMs + s.ms;
	const overlap = Math.min(r.endMs, end) - Math.max(r.arriveMs, s.atMs);
	if (overlap > 0) return { id: r.id, path: r.path, addedMs: round(overlap), seen: 'in-loop' };
	if (r.arriveMs < end || !busyBetween(model, idle, end, r.arriveMs)) return undefined;
	return { id: r.id, path: r.path, addedMs: round(s.ms), seen: 'before-arrival' };
}

// Whether the loop never idled in select between two moments.
function busyBetween(
	model: TraceModel,
	idle: readonly SelectWait[],
	fromMs: number,
	toMs: number
): boolean {
	if (model.selects.length === 0) return false; // no select record: cannot tell, claim nothing
	return countUntil(idle, toMs, true) === countUntil(idle, fromMs, true);
}

// The innermost frame of the first watchdog sample inside the slice, as file:line (import
// machinery left out: a stall inside an import is the importing line's).
function sampledLine(model: TraceModel, s: LoopSlice): string | undefined {
	const first = model.samples[countUntil(model.samples, s.atMs, true)];
	const sample = first && first.atMs <= s.atMs + s.ms ? first : undefined;
	const top = sample?.stack.find((frame) => !frame.includes('<frozen'));
	const match = top ? /\((.*)\)$/.exec(top) : null;
	return match ? match[1] : top;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
