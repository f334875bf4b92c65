// One model of a recorded run, whichever tool wrote the file. Times are ms from the first event.

/** Which importer read the file. */
export type TraceSource = 'event-loop-lab' | 'viztracer' | 'otlp';

/** One callback or task step that ran on the loop thread. */
export interface LoopSlice {
	kind: 'task-step' | 'callback';
	atMs: number;
	ms: number;
	/** Name of the callback, or the coroutine for a task step. */
	name: string;
	taskId?: number;
	task?: string;
	coro?: string;
	/** file:line where the step suspended (or where the callback is defined). */
	where?: string;
	/** For a timer: how late it started (start − due time), which is the loop's lag. */
	lateMs?: number;
	/** The loop thread's CPU time during the run (our recorder, runs of 1 ms or more). */
	cpuMs?: number;
}

/** The loop waiting in select: idle time and the timeout it asked for (null: none or unknown). */
export interface SelectWait {
	atMs: number;
	ms: number;
	timeoutMs: number | null;
}

/** A task and where it came from. */
export interface TraceTask {
	id: number;
	name: string;
	coro?: string;
	parentId?: number;
	createdMs?: number;
}

/** One work item a pool thread ran, and when and by which task it was submitted. */
export interface PoolWork {
	thread: string;
	atMs: number;
	ms: number;
	fn: string;
	submittedMs?: number;
	taskId?: number;
}

/** One request as the service saw it: from when the loop first saw it to its response's end. */
export interface TraceRequest {
	id: string;
	path: string;
	method?: string;
	arriveMs: number;
	endMs: number;
	taskId?: number;
}

/** A sample of the loop thread's stack the watchdog took while one callback ran long. */
export interface StallSample {
	atMs: number;
	stack: string[];
}

/** A recorded run, read from any supported file. */
export interface TraceModel {
	source: TraceSource;
	/** What the file cannot say and the lab therefore inferred or left out, in words. */
	notes: string[];
	/** Absolute time of the first event, in the file's microseconds. */
	originUs: number;
	slices: LoopSlice[];
	selects: SelectWait[];
	tasks: TraceTask[];
	pool: PoolWork[];
	requests: TraceRequest[];
	lag: { atMs: number; lagMs: number }[];
	samples: StallSample[];
	/** What the file says about where it came from (recorder, Python, loop class, clock). */
	about: Record<string, unknown>;
}

/** An import either yields the model or says what is missing. */
export type ImportResult = { ok: true; model: TraceModel } | { ok: false; message: string };

/** A model with nothing in it yet, from `source`, with `over` filled in. */
export function emptyModel(source: TraceSource, over: Partial<TraceModel> = {}): TraceModel {
	return {
		source,
		notes: [],
		originUs: 0,
		slices: [],
		selects: [],
		tasks: [],
		pool: [],
		requests: [],
		lag: [],
		samples: [],
		about: {},
		...over
	};
}
