import {
	RESULT_FORMAT,
	roundMs,
	type RequestResult,
	type SimResult,
	type Stopped,
	type Warning
} from '../result';
import type { Scenario } from '../scenario/types';

/** What an engine recorded in a run, in its own (unrounded) times. */
export interface RunRecords {
	endMs: number;
	hung: SimResult['hung'];
	/** The run was cut short while it could still progress (at its limit or the budget). */
	stopped?: Stopped | null;
	requests: RequestResult[];
	heartbeats: number[];
	lag: SimResult['lag'];
	warnings: Warning[];
}

/** Records that a request's handler returned (`ok`) or raised (`error`, with its text) at `nowMs`. */
export function endRequest(
	record: RequestResult,
	nowMs: number,
	status: 'ok' | 'error',
	error?: string
): void {
	record.endMs = nowMs;
	record.status = status;
	if (error !== undefined) record.error = error;
}

/**
 * The result@1 document of a run: outcome from `hung` and `stopped` (a run that can never progress
 * is hung even if it also reached its limit), every time rounded to the microsecond.
 */
export function assembleResult(scenario: Scenario, records: RunRecords): SimResult {
	const stopped = records.hung ? null : (records.stopped ?? null);
	return {
		format: RESULT_FORMAT,
		scenario: scenario.id,
		outcome: records.hung ? 'hung' : stopped ? 'stopped' : 'completed',
		endMs: roundMs(records.endMs),
		hung: records.hung,
		...(stopped ? { stopped } : {}),
		requests: records.requests.map((r) => ({
			...r,
			startMs: r.startMs === null ? null : roundMs(r.startMs),
			endMs: r.endMs === null ? null : roundMs(r.endMs)
		})),
		heartbeats: records.heartbeats.map(roundMs),
		lag: records.lag,
		warnings: records.warnings
	};
}
