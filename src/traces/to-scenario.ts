// "Make this a scenario": an imported run becomes a scenario@1 document the model re-simulates.
// Each request's handler is the sequence of its task's measured runs and the awaits between
// them, each await's length estimated from what woke the task (below). A run computes (`cpu`,
// holding the GIL) for its CPU time and waits in a blocking call (`block`, GIL released) for the
// rest, when the trace has the CPU time; on a busy machine the rest also holds time the thread
// spent waiting for a core.
import { arrivalsOf } from './arrivals';
import type { LoopSlice, PoolWork, SelectWait, TraceModel, TraceRequest } from './model';
import { IDLE_MS } from './stalls';
import { beginningIn } from './time-index';

/** A step of the document, as scenario@1 spells it. */
export type ScenarioStep =
	| { op: 'cpu' | 'block' | 'sleep' | 'io'; ms: number; label?: string }
	| { op: 'offload'; ms: number; work: 'cpu' | 'block'; label?: string };

/** The scenario@1 document (plain JSON, for parseScenario or a download). */
export interface ScenarioDocument {
	format: 'event-loop-lab/scenario@1';
	id: string;
	title: string;
	limitMs: number;
	handlers: Record<string, { steps: ScenarioStep[] }>;
	requests: { id: string; at: number; handler: string; connection?: 'new' }[];
}

/** Less waiting than this inside a run is clock noise, not a blocking call. */
const BLOCK_MS = 1;

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** What the steps are read from, by task and by time, built once per document. */
interface Index {
	runsOf: Map<number | undefined, LoopSlice[]>;
	poolOf: Map<number | undefined, PoolWork[]>;
	/** Slices a timer ran (they carry a lateness), in time order. */
	timers: LoopSlice[];
	/** Selects the loop idled in, in time order. */
	idle: SelectWait[];
}

function indexOf(model: TraceModel): Index {
	const group = <T>(list: readonly T[], key: (t: T) => number | undefined) => {
		const map = new Map<number | undefined, T[]>();
		for (const item of list) {
			const k = key(item);
			const items = map.get(k);
			if (items) items.push(item);
			else map.set(k, [item]);
		}
		return map;
	};
	return {
		runsOf: group(model.slices, (s) => s.taskId),
		poolOf: group(model.pool, (w) => w.taskId),
		timers: model.slices.filter((s) => s.lateMs !== undefined),
		idle: model.selects.filter((w) => w.ms > IDLE_MS)
	};
}

/** The document of every request whose task's steps the trace holds (OTLP has none: empty). */
export function toScenario(model: TraceModel, id = 'recorded-trace'): ScenarioDocument {
	const doc: ScenarioDocument = {
		format: 'event-loop-lab/scenario@1',
		id,
		title: `Recorded ${model.source} trace`,
		limitMs: 1000,
		handlers: {},
		requests: []
	};
	const arrivals = arrivalsOf(model);
	const index = indexOf(model);
	const listed: { handledMs: number; request: ScenarioDocument['requests'][number] }[] = [];
	for (const [i, request] of model.requests.entries()) {
		const arrival = arrivals.get(request);
		if (!arrival || request.taskId === undefined || !Number.isFinite(request.endMs)) continue;
		const steps = stepsOf(index, request).map((s) => s.step);
		if (steps.length === 0) continue;
		const handler = handlerOf(i, request);
		doc.handlers[handler] = { steps };
		listed.push({
			handledMs: arrival.handledMs,
			request: {
				id: `r${i + 1}`,
				at: round(arrival.at),
				handler,
				...(arrival.connection === 'new' ? { connection: 'new' as const } : {})
			}
		});
		doc.limitMs = Math.max(doc.limitMs, Math.ceil(request.endMs * 2 + 1000));
	}
	// Arrivals of one instant reach the model's loop in document order: the order the loop handled them.
	listed.sort((a, b) => a.request.at - b.request.at || a.handledMs - b.handledMs);
	doc.requests = listed.map((l) => l.request);
	return doc;
}

/**
 * Which steps of `toScenario(model)` the given runs (stalls' slices, say) became, as a filter
 * for `whatIf`: a learner picks a stretch in the trace, the change lands on its steps.
 */
export function stepsOfRuns(
	model: TraceModel,
	runs: readonly LoopSlice[]
): (handler: string, step: unknown, index: number) => boolean {
	const picked = new Set<string>();
	const index = indexOf(model);
	for (const [i, request] of model.requests.entries()) {
		if (request.taskId === undefined) continue;
		stepsOf(index, request).forEach(({ run }, k) => {
			if (run && runs.includes(run)) picked.add(`${handlerOf(i, request)}#${k}`);
		});
	}
	return (handler, _step, index) => picked.has(`${handler}#${index}`);
}

const handlerOf = (i: number, request: TraceRequest) => `h${i + 1}-${slug(request.path)}`;

/** A request's steps, each with the run it stands for (none for an await between runs). */
function stepsOf(index: Index, request: TraceRequest): { step: ScenarioStep; run?: LoopSlice }[] {
	const runs = (index.runsOf.get(request.taskId) ?? []).filter(
		(s) => s.atMs >= request.arriveMs - 1 && s.atMs <= request.endMs
	);
	const steps: { step: ScenarioStep; run?: LoopSlice }[] = [];
	runs.forEach((run, i) => {
		for (const step of runSteps(run)) steps.push({ step, run });
		const next = runs[i + 1];
		if (next) steps.push({ step: awaitBetween(index, request.taskId!, run, next) });
	});
	return steps;
}

function runSteps(run: LoopSlice): ScenarioStep[] {
	const label = run.where ? { label: run.where } : {};
	const waited = run.cpuMs === undefined ? 0 : run.ms - run.cpuMs;
	if (waited < BLOCK_MS) return [{ op: 'cpu', ms: round(run.ms), ...label }];
	const block: ScenarioStep = { op: 'block', ms: round(waited), ...label };
	return run.cpuMs! > 0 ? [{ op: 'cpu', ms: round(run.cpuMs!), ...label }, block] : [block];
}

// How long the awaited thing took, not how long the task then waited for the loop: work the task
// submitted to the pool took its pool time; a timer woke it at its due time (start − lateness);
// otherwise the I/O arrived by the end of the loop's last idle select before the task resumed
// (the loop only idles when nothing is ready), and 0 when it never idled (a plain yield).
function awaitBetween(index: Index, taskId: number, run: LoopSlice, next: LoopSlice): ScenarioStep {
	const from = run.atMs + run.ms;
	const work = (index.poolOf.get(taskId) ?? []).find(
		(w) => (w.submittedMs ?? w.atMs) >= run.atMs && w.atMs < next.atMs
	);
	if (work) return { op: 'offload', ms: round(work.ms), work: 'block' };
	// The timer that names this task woke it; in older traces, the last one due in the wait.
	const timers = beginningIn(index.timers, from, next.atMs).filter(
		(s) => s.atMs - s.lateMs! >= from
	);
	const timer =
		timers.find((s) => s.wakesTaskId === taskId) ??
		(timers.some((s) => s.wakesTaskId !== undefined) ? undefined : timers.at(-1));
	if (timer) return { op: 'sleep', ms: round(timer.atMs - timer.lateMs! - from) };
	const idle = beginningIn(index.idle, from, next.atMs)
		.filter((w) => w.atMs + w.ms <= next.atMs)
		.at(-1);
	return { op: 'io', ms: idle ? round(idle.atMs + idle.ms - from) : 0 };
}

const slug = (path: string) =>
	path
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '') || 'root';
