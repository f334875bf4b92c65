import { summariseWaits, type Wait } from '../rules/wait-list';
import type { RequestRecord, Task } from './task';

/** What a hang reason reads of the run: the requests, the tasks, the host queue and the RPC client. */
export interface WaitView {
	now: number;
	requests: readonly RequestRecord[];
	tasks: readonly Task[];
	/** The request waits in the host for run_until_complete() to return. */
	inHost(id: string): boolean;
	/** What a task waiting for an RPC response waits for, or null if it does not. */
	rpcWait(task: Task): string | null;
}

/**
 * "r2 waits for …; r3 never started" for every request or branch that has not ended, summarised
 * past the first few (`summariseWaits`); linear in the requests and tasks.
 */
export function describeWaits(view: WaitView): string {
	return summariseWaits(waits(view));
}

function* waits(view: WaitView): Generator<Wait> {
	const byId = new Map(view.tasks.map((t) => [t.id, t]));
	for (const r of view.requests) {
		if (r.status !== 'unfinished') continue;
		const task = byId.get(r.id);
		if (task) yield [r.id, waitOf(view, task)];
		else if (view.inHost(r.id))
			yield [r.id, 'waits in the host for the current run_until_complete() to return'];
		else yield [r.id, r.arriveMs > view.now ? 'has not arrived' : 'arrived but was never read'];
	}
	for (const t of view.tasks) {
		if (t.kind !== 'child' || t.state === 'done' || t.state === 'failed') continue;
		yield [t.id, waitOf(view, t)];
	}
}

function waitOf(view: WaitView, task: Task): string {
	if (task.state === 'ready')
		return `is in the ready queue but its step never ran${task.on ? ` (${task.on})` : ''}`;
	if (task.state === 'running') return `is running (${task.on ?? 'on the loop'})`;
	const rpc = view.rpcWait(task);
	if (rpc) return `waits for ${rpc}`;
	return `waits for ${task.on ?? 'something'}`;
}
