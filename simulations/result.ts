import type { Scenario } from './scenario/types';
import type { Outcome, StopWhy, TraceEvent } from './trace';

export type { Outcome, StopWhy };

export const RESULT_FORMAT = 'event-loop-lab/result@1';

export type RequestStatus = 'ok' | 'error' | 'unfinished';

export interface RequestResult {
	id: string;
	handler: string;
	arriveMs: number;
	/** When the handler's first step began on the loop; null if it never began. */
	startMs: number | null;
	/** When the handler returned (the response is written); null if it never did. */
	endMs: number | null;
	status: RequestStatus;
	error?: string;
}

export interface Warning {
	atMs: number;
	/** slowCallback: debug mode's "Executing … took …"; threadCheck: debug mode's non-thread-safe call check. */
	kind: 'slowCallback' | 'threadCheck';
	task: string;
	ms?: number;
	message: string;
}

/** A run cut short: when, why, and in words what was left (unfinished requests, the queue's trend). */
export interface Stopped {
	atMs: number;
	why: StopWhy;
	reason: string;
}

/** The result contract, format `event-loop-lab/result@1`, shared by the simulated and the real engine. */
export interface SimResult {
	format: typeof RESULT_FORMAT;
	scenario: string;
	outcome: Outcome;
	endMs: number;
	hung: { atMs: number; reason: string } | null;
	/** Only when `outcome` is `stopped`. */
	stopped?: Stopped;
	requests: RequestResult[];
	heartbeats: number[];
	lag: { atMs: number; lagMs: number }[];
	warnings: Warning[];
	trace?: TraceEvent[];
}

/** Rounds virtual times to the microsecond so results read well and stay byte-stable. */
export function roundMs(ms: number): number {
	return Math.round(ms * 1000) / 1000 || 0; // `|| 0` turns -0 into 0
}

/** Every request of a scenario as not yet handled: where both engines start their records. */
export function unfinishedRequests(scenario: Scenario): RequestResult[] {
	return scenario.requests.map((r) => ({
		id: r.id,
		handler: r.handler,
		arriveMs: r.at,
		startMs: null,
		endMs: null,
		status: 'unfinished'
	}));
}
