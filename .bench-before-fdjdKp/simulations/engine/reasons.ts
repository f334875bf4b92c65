import type { Sim } from './sim';

/** "r2 waits for …; r3 never started" for every request or branch that has not ended. */
export function describeWaits(sim: Sim): string {
	const parts: string[] = [];
	const byId = new Map(sim.tasks.all.map((t) => [t.id, t]));
	for (const r of sim.requests) {
		if (r.status !== 'unfinished') continue;
		const task = byId.get(r.id);
		if (!task) {
			if (sim.hostQueue.some((q) => q.id === r.id)) {
				parts.push(`${r.id} waits in the host for the current run_until_complete() to return`);
				continue;
			}
			parts.push(
				r.arriveMs > sim.now() ? `${r.id} has not arrived` : `${r.id} arrived but was never read`
			);
			continue;
		}
		parts.push(`${r.id} ${waitOf(sim, task.id)}`);
	}
	for (const t of sim.tasks.all) {
		if (t.kind !== 'child' || t.state === 'done' || t.state === 'failed') continue;
		parts.push(`${t.id} ${waitOf(sim, t.id)}`);
	}
	return parts.length > 0 ? parts.join('; ') : 'no request is waiting';
}

function waitOf(sim: Sim, id: string): string {
	const task = sim.tasks.all.find((t) => t.id === id);
	if (!task) return 'is unknown';
	if (task.state === 'ready')
		return `is in the ready queue but its step never ran${task.on ? ` (${task.on})` : ''}`;
	if (task.state === 'running') return `is running (${task.on ?? 'on the loop'})`;
	const rpc = sim.rpc.describe(task);
	if (rpc) return `waits for ${rpc}`;
	return `waits for ${task.on ?? 'something'}`;
}
