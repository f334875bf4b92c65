// "Make this a scenario": an imported run becomes a scenario@1 document the model re-simulates.
// Each request's handler is the sequence of its task's measured runs (one `cpu` step each) and
// the awaits between them, each await's length estimated from what woke the task (below).
import type { LoopSlice, PoolWork, TraceModel, TraceRequest } from './model';
import { STALL_MS } from './stalls';

/** A step of the document, as scenario@1 spells it. */
export type ScenarioStep =
	| { op: 'cpu'; ms: number; label?: string }
	| { op: 'io'; ms: number; label?: string }
	| { op: 'offload'; ms: number; work: 'block'; label?: string };

/** The scenario@1 document (plain JSON, for parseScenario or a download). */
export interface ScenarioDocument {
	format: 'event-loop-lab/scenario@1';
	id: string;
	title: string;
	limitMs: number;
	handlers: Record<string, { steps: ScenarioStep[] }>;
	requests: { id: string; at: number; handler: string }[];
}

/** A select shorter than this did not idle. */
const IDLE_MS = 1;

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The document of every request whose task's steps the trace holds (OTLP has none: empty). */
export function toScenario(
	model: TraceModel,
	id = 'recorded-trace',
	thresholdMs = STALL_MS
): ScenarioDocument {
	const doc: ScenarioDocument = {
		format: 'event-loop-lab/scenario@1',
		id,
		title: `Recorded ${model.source} trace`,
		limitMs: 1000,
		handlers: {},
		requests: []
	};
	for (const [i, request] of model.requests.entries()) {
		if (request.taskId === undefined || !Number.isFinite(request.endMs)) continue;
		const steps = stepsOf(model, request);
		if (steps.length === 0) continue;
		const handler = `h${i + 1}-${slug(request.path)}`;
		doc.handlers[handler] = { steps };
		const created = model.tasks.find((t) => t.id === request.taskId)?.createdMs;
		const at = seenBy(model, Math.min(created ?? request.arriveMs, request.arriveMs), thresholdMs);
		doc.requests.push({ id: `r${i + 1}`, at: round(at), handler });
		doc.limitMs = Math.max(doc.limitMs, Math.ceil(request.endMs * 2 + 1000));
	}
	return doc;
}

function stepsOf(model: TraceModel, request: TraceRequest): ScenarioStep[] {
	const runs = model.slices.filter(
		(s) => s.taskId === request.taskId && s.atMs >= request.arriveMs - 1 && s.atMs <= request.endMs
	);
	const steps: ScenarioStep[] = [];
	runs.forEach((run, i) => {
		steps.push({ op: 'cpu', ms: round(run.ms), ...(run.where ? { label: run.where } : {}) });
		const next = runs[i + 1];
		if (next) steps.push(awaitBetween(model, request.taskId!, run, next));
	});
	return steps;
}

// How long the awaited thing took, not how long the task then waited for the loop: work the task
// submitted to the pool took its pool time; a timer woke it at its due time (start − lateness);
// otherwise the I/O arrived by the end of the loop's last idle select before the task resumed
// (the loop only idles when nothing is ready), and 0 when it never idled (a plain yield).
function awaitBetween(
	model: TraceModel,
	taskId: number,
	run: LoopSlice,
	next: LoopSlice
): ScenarioStep {
	const from = run.atMs + run.ms;
	const work = model.pool.find(
		(w: PoolWork) =>
			w.taskId === taskId && (w.submittedMs ?? w.atMs) >= run.atMs && w.atMs < next.atMs
	);
	if (work) return { op: 'offload', ms: round(work.ms), work: 'block' };
	const timer = [...model.slices]
		.reverse()
		.find(
			(s) =>
				s.lateMs !== undefined && s.atMs >= from && s.atMs < next.atMs && s.atMs - s.lateMs >= from
		);
	if (timer) return { op: 'io', ms: round(timer.atMs - timer.lateMs! - from) };
	const idle = model.selects
		.filter((w) => w.atMs >= from && w.atMs + w.ms <= next.atMs && w.ms > IDLE_MS)
		.at(-1);
	return { op: 'io', ms: idle ? round(idle.atMs + idle.ms - from) : 0 };
}

// The loop reads a request's bytes (and creates its task) in a callback right after the select
// that returned them, so they came in before that select began. When a stall ended just before
// it, they most likely came in during the stall, as a burst's do: the model's arrival is then
// the stall's middle, so the model too reads them when the stall ends, before the timers that
// fell due meanwhile (I/O callbacks are queued before due timers).
function seenBy(model: TraceModel, seenMs: number, thresholdMs: number): number {
	const select = model.selects.filter((w) => w.atMs <= seenMs).at(-1);
	if (!select) return seenMs;
	const stall = model.slices.find(
		(s) =>
			s.ms >= thresholdMs &&
			s.atMs + s.ms <= select.atMs &&
			select.atMs - (s.atMs + s.ms) < AFTER_STALL_MS
	);
	return stall ? stall.atMs + stall.ms / 2 : select.atMs;
}

/** A select that began this soon after a stall's end is the one the stall delayed. */
const AFTER_STALL_MS = 1;

const slug = (path: string) =>
	path
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '') || 'root';
