/** One unfinished request or task and what it waits for: `["r2", "waits for asyncio.sleep(100 ms)"]`. */
export type Wait = readonly [id: string, what: string];

/** Waits named one by one; the rest are counted. */
const NAMED = 4;
/** Groups of identical waits named after the first `NAMED`; the rest are "other things". */
const GROUPS = 3;

/**
 * "r2 waits for …; r3 arrived but was never read" in words, bounded whatever the number of
 * waits: the first four one by one, then the rest grouped by what they wait for ("r5 … r50000:
 * 49,996 more, each is in the ready queue …"), at most three groups and one count for the rest.
 * One pass over the waits.
 */
export function summariseWaits(waits: Iterable<Wait>): string {
	const parts: string[] = [];
	const groups = new Map<string, { first: string; last: string; n: number }>();
	let others = 0;
	for (const [id, what] of waits) {
		if (parts.length < NAMED) {
			parts.push(`${id} ${what}`);
			continue;
		}
		const group = groups.get(what);
		if (group) {
			group.last = id;
			group.n++;
		} else if (groups.size < GROUPS) groups.set(what, { first: id, last: id, n: 1 });
		else others++;
	}
	for (const [what, g] of groups) {
		parts.push(
			g.n === 1 ? `${g.first} ${what}` : `${g.first} … ${g.last}: ${count(g.n)} more, each ${what}`
		);
	}
	if (others > 0) parts.push(`and ${count(others)} more waiting for other things`);
	return parts.length > 0 ? parts.join('; ') : 'no request is waiting';
}

/** 49996 → "49,996": the engine's own digit grouping, the same in every runtime. */
export function count(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
