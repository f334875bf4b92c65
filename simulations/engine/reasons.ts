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

/** "r2 waits for …; r3 never started" for every request or branch that has not ended. */
export function describeWaits(view: WaitView): string {
	const parts: string[] = [];
	const byId = new Map(view.tasks.map((t) => [t.id, t]));
	for (const r of view.requests) {
		if (r.status !== 'unfinished') continue;
		const task = byId.get(r.id);
		if (!task) {
			if (view.inHost(r.id)) {
				parts.push(`${r.id} waits in the host for the current run_until_complete() to return`);
				continue;
			}
			parts.push(
				r.arriveMs > view.now ? `${r.id} has not arrived` : `${r.id} arrived but was never read`
			);
			continue;
		}
		parts.push(`${r.id} ${waitOf(view, task.id)}`);
	}
	for (const t of view.tasks) {
		if (t.kind !== 'child' || t.state === 'done' || t.state === 'failed') continue;
		parts.push(`${t.id} ${waitOf(view, t.id)}`);
	}
	return parts.length > 0 ? parts.join('; ') : 'no request is waiting';
}

function waitOf(view: WaitView, id: string): string {
	const task = view.tasks.find((t) => t.id === id);
	if (!task) return 'is unknown';
	if (task.state === 'ready')
		return `is in the ready queue but its step never ran${task.on ? ` (${task.on})` : ''}`;
	if (task.state === 'running') return `is running (${task.on ?? 'on the loop'})`;
	const rpc = view.rpcWait(task);
	if (rpc) return `waits for ${rpc}`;
	return `waits for ${task.on ?? 'something'}`;
}
