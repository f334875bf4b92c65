// Why a CPython run ended hung, in the words the model uses for the same ending.
import {
	limitReason,
	resultOnLoopDeadlock,
	threadLockDeadlock,
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

/** The result's `hung` record for a run that ended `hung`. */
export function hungRecord(scenario: Scenario, hung: PyHung): NonNullable<SimResult['hung']> {
	if (hung.kind === 'deadlock') {
		const { name = '', waiter = '', holder } = hung.info;
		return { atMs: hung.atMs, reason: threadLockDeadlock(name, waiter, holder ?? waiter) };
	}
	if (hung.kind === 'resultOnLoop') {
		const { waiter = '', child = '' } = hung.info;
		return { atMs: hung.atMs, reason: resultOnLoopDeadlock(waiter, child) };
	}
	const head = hung.kind === 'limit' ? limitReason(scenario.limitMs) : HEADS[hung.kind];
	const waits = hung.waits.map(([id, on]) => `${id} waits for ${on ?? 'something'}`);
	return {
		atMs: hung.atMs,
		reason: `${head}; ${waits.length > 0 ? waits.join('; ') : 'no request is waiting'}`
	};
}
