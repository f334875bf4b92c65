// Lookups by time over lists sorted by `atMs` (sortModel sorts every list of a model), so the
// analyses stay near-linear on recordings of thousands of requests.

/** How many items begin before `t` (`strict`) or at or before it: the index of the first after. */
export function countUntil(sorted: readonly { atMs: number }[], t: number, strict = false): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const at = sorted[mid].atMs;
		if (strict ? at < t : at <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The last item that begins at or before `t`, if any. */
export function lastAtOrBefore<T extends { atMs: number }>(
	sorted: readonly T[],
	t: number
): T | undefined {
	return sorted[countUntil(sorted, t) - 1];
}

/** The items that begin in [from, to). */
export function beginningIn<T extends { atMs: number }>(
	sorted: readonly T[],
	from: number,
	to: number
): T[] {
	return sorted.slice(countUntil(sorted, from, true), countUntil(sorted, to, true));
}
