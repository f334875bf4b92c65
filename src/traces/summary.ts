// The trace-summary@1 document `event-loop-lab trace FILE --json` prints.
import type { TraceModel, TraceSource } from './model';
import { findStalls, STALL_MS } from './stalls';

/** The summary of a run: its stalls, requests and lag, times in ms from the first event. */
export interface TraceSummary {
	format: 'event-loop-lab/trace-summary@1';
	source: TraceSource;
	notes: string[];
	stalls: {
		atMs: number;
		ms: number;
		task: string | null;
		coro: string | null;
		where: string | null;
	}[];
	requests: { id: string; path: string; arriveMs: number; endMs: number | null }[];
	lag: { atMs: number; lagMs: number }[];
}

/** Summarises a model with the given stall threshold. */
export function summarise(model: TraceModel, thresholdMs = STALL_MS): TraceSummary {
	return {
		format: 'event-loop-lab/trace-summary@1',
		source: model.source,
		notes: model.notes,
		stalls: findStalls(model, thresholdMs).map(({ atMs, ms, task, coro, where }) => ({
			atMs,
			ms,
			task,
			coro,
			where
		})),
		requests: model.requests.map(({ id, path, arriveMs, endMs }) => ({
			id,
			path,
			arriveMs,
			endMs: Number.isFinite(endMs) ? endMs : null
		})),
		lag: model.lag
	};
}
