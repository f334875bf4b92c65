// When and how each recorded request reached the loop, from the loop's own callbacks: the model
// needs both, because a request on a new TCP connection takes extra loop iterations before its
// bytes are read (accept, `_accept_connection2`, `connection_made` and `_add_reader`, then the
// read: F6), and in a burst those iterations decide which handler runs first.
import type { LoopSlice, SelectWait, TraceModel, TraceRequest } from './model';
import { IDLE_MS } from './stalls';
import { countUntil, lastAtOrBefore } from './time-index';

/** How the model should deliver one request. */
export interface Arrival {
	at: number;
	connection: 'new' | 'keepAlive';
	/** When the loop began handling it (its accept, or its read): orders arrivals of one instant. */
	handledMs: number;
}

// Asked to wait (nothing was ready), the loop idled until something woke it, however soon: the
// model idles there too, so the two agree again at that moment.
const idled = (w: SelectWait) => w.ms > IDLE_MS || (w.timeoutMs !== null && w.timeoutMs > 0);
/** A run this long can let a request in while it runs. */
const RUN_MS = 1;

const isAccept = (s: LoopSlice) => s.kind === 'callback' && s.name.endsWith('._accept_connection');
const isAddReader = (s: LoopSlice) => s.kind === 'callback' && s.name.endsWith('._add_reader');
const isRead = (s: LoopSlice) => s.kind === 'callback' && s.name.endsWith('._read_ready');

/** The arrival of every request whose task the trace saw created, by request. */
export function arrivalsOf(model: TraceModel): Map<TraceRequest, Arrival> {
	const acceptOfRead = newConnectionReads(model);
	const createdOf = new Map(model.tasks.map((t) => [t.id, t.createdMs]));
	const reads = model.slices.filter(isRead);
	const times = timesOf(model);
	const out = new Map<TraceRequest, Arrival>();
	for (const request of model.requests) {
		const created = request.taskId === undefined ? undefined : createdOf.get(request.taskId);
		const seen = Math.min(created ?? request.arriveMs, request.arriveMs);
		const before = lastAtOrBefore(reads, seen);
		const read = before && seen <= before.atMs + before.ms ? before : undefined;
		const accept = read && acceptOfRead.get(read);
		const handledMs = accept?.atMs ?? read?.atMs ?? seen;
		out.set(request, {
			at: reportedBy(times, handledMs),
			connection: accept ? 'new' : 'keepAlive',
			handledMs
		});
	}
	return out;
}

// A connection's bytes come with it, so the first select after its reader is registered reports
// them: a read in the batch right after that select, with a reader still unread, is that fresh
// connection's first read. Connections are accepted, registered and read in order (FIFO), as
// the loop runs them; the trace does not say which socket a callback served.
function newConnectionReads(model: TraceModel): Map<LoopSlice, LoopSlice> {
	type Item = { at: number; slice?: LoopSlice; select?: SelectWait };
	const items: Item[] = [
		...model.slices.map((slice) => ({ at: slice.atMs, slice })),
		...model.selects.map((select) => ({ at: select.atMs, select }))
	].sort((a, b) => a.at - b.at);
	const accepts = model.tasks
		.filter((t) => t.coro?.endsWith('_accept_connection2') && t.createdMs !== undefined)
		.map((t) => ({ atMs: t.createdMs! }))
		.sort((a, b) => a.atMs - b.atMs);
	const accepted: LoopSlice[] = [];
	let nextAccepted = 0;
	let registered: LoopSlice[] = [];
	let armed: LoopSlice[] = [];
	const out = new Map<LoopSlice, LoopSlice>();
	for (const { slice, select } of items) {
		if (select) {
			armed = registered;
			registered = [];
		} else if (slice && isAccept(slice)) {
			for (let n = connectionsAccepted(accepts, slice); n > 0; n--) accepted.push(slice);
		} else if (slice && isAddReader(slice)) {
			const accept = nextAccepted < accepted.length ? accepted[nextAccepted++] : undefined;
			if (accept) registered.push(accept);
		} else if (slice && isRead(slice)) {
			const accept = armed.shift();
			if (accept) out.set(slice, accept);
		}
	}
	return out;
}

/** An accept callback takes every connection in the backlog: one `_accept_connection2` task each. */
function connectionsAccepted(accepts: readonly { atMs: number }[], accept: LoopSlice): number {
	const n = countUntil(accepts, accept.atMs + accept.ms) - countUntil(accepts, accept.atMs, true);
	return Math.max(1, n);
}

/** The lists reportedBy looks in, in time order. */
interface Times {
	selects: readonly SelectWait[];
	idle: readonly SelectWait[];
	/** Runs long enough to let a request in while they ran. */
	long: readonly LoopSlice[];
}

const timesOf = (model: TraceModel): Times => ({
	selects: model.selects,
	idle: model.selects.filter(idled),
	long: model.slices.filter((s) => s.ms >= RUN_MS)
});

// What the loop handled at `handledMs` was reported by the select before it. It came in while
// that select waited (then at its end) or before it began: during the last run long enough to
// let it in since the loop last idled (then that run's middle, so the model too reads it when
// the run ends, before the timers that fell due meanwhile), else at the end of that idle wait.
// The loop's own short callbacks (accepting, reading, closing) take no time in the model, so
// what arrived during them arrives at once there, and is read in the same iteration.
function reportedBy(times: Times, handledMs: number): number {
	const select = lastAtOrBefore(times.selects, handledMs);
	if (!select) return handledMs;
	if (idled(select)) return select.atMs + select.ms;
	const idle = times.idle[countUntil(times.idle, select.atMs, true) - 1];
	const idleEnd = idle ? idle.atMs + idle.ms : 0;
	// The last long run that ended by the select and began after the idle wait ended.
	for (let i = countUntil(times.long, select.atMs) - 1; i >= 0; i--) {
		const run = times.long[i];
		if (run.atMs < idleEnd) break;
		if (run.atMs + run.ms <= select.atMs) return run.atMs + run.ms / 2;
	}
	return idle ? idleEnd : select.atMs;
}
