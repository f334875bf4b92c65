// The requests behind one stall, grouped by the latency it added: most waited the whole stall,
// so one line names them all.
import type { Waiter } from '../../traces/index';

/** Requests to which a stall added the same latency, seen the same way. */
export interface WaiterGroup {
	addedMs: number;
	/** The app saw them right after the stall: addedMs is an upper bound. */
	atMost: boolean;
	/** "r2 /await", by the page's request names. */
	requests: string[];
}

/** The waiters grouped by added latency (largest first), exact ones before "at most" ones. */
export function waiterGroups(
	waited: readonly Waiter[],
	names: ReadonlyMap<string, string>
): WaiterGroup[] {
	const groups = new Map<string, WaiterGroup>();
	for (const w of waited) {
		const atMost = w.seen === 'before-arrival';
		const key = `${w.addedMs}|${atMost}`;
		const group = groups.get(key) ?? { addedMs: w.addedMs, atMost, requests: [] };
		group.requests.push(`${names.get(w.id) ?? `#${w.id}`} ${w.path}`);
		groups.set(key, group);
	}
	return [...groups.values()].sort(
		(a, b) => Number(a.atMost) - Number(b.atMost) || b.addedMs - a.addedMs
	);
}
