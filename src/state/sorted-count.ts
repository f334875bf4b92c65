/**
 * How many of `length` items, in ascending order of `key`, have a key at most `t` (below `t` when
 * `strict`): a binary search, the one every sorted lookup of the views shares.
 */
export function countUpTo(
	length: number,
	key: (i: number) => number,
	t: number,
	strict = false
): number {
	let lo = 0;
	let hi = length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (strict ? key(mid) < t : key(mid) <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
