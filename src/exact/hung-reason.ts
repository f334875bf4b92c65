// Why a CPython run ended short of completing, in the words the model uses for the same ending.
import {
	resultOnLoopDeadlock,
	roundMs,
	stopReason,
	summariseWaits,
	threadLockDeadlock,
	type RequestResult,
	type Scenario,
	type SimResult
} from '../../simulations/index';

/** How the Python side saw the run end: its kind, when, and what each unfinished request awaited. */
export interface PyHung {
	kind: 'limit' | 'nothing' | 'stalled' | 'deadlock' | 'resultOnLoop';
	atMs: number;
	info: { name?: string; waiter?: string; holder?: string; child?: string };
	waits: [string, string | null][];
}

const HEADS = {
	stalled: 'only background tasks can still run; nothing will ever resume the requests',
	nothing:
		'nothing can ever happen again: the loop is asleep in select() with no timer, no I/O in flight and no thread running'
};

/**
 * The result's `hung` record for a run that can never progress, or its `stopped` record for one
 * cut short at its limit (a slow server, not a hung one).
 */
export function endRecords(
	scenario: Scenario,
	end: PyHung,
	requests: readonly RequestResult[]
): Pick<SimResult, 'hung' | 'stopped'> {
	if (end.kind === 'deadlock') {
		const { name = '', waiter = '', holder } = end.info;
		return { hung: { atMs: end.atMs, reason: threadLockDeadlock(name, waiter, holder ?? waiter) } };
	}
	if (end.kind === 'resultOnLoop') {
		const { waiter = '', child = '' } = end.info;
		return { hung: { atMs: end.atMs, reason: resultOnLoopDeadlock(waiter, child) } };
	}
	const waits = summariseWaits(
		end.waits.map(([id, on]) => [id, `waits for ${on ?? 'something'}`] as const)
	);
	if (end.kind === 'limit') {
		const atMs = roundMs(end.atMs);
		const head = stopReason('limit', { atMs, limitMs: scenario.limitMs, requests });
		return { hung: null, stopped: { atMs, why: 'limit', reason: `${head}; ${waits}` } };
	}
	return { hung: { atMs: end.atMs, reason: `${HEADS[end.kind]}; ${waits}` } };
}
