/** The variant selector's order: bug → fix pairs at once, every other variant under "More variants". */
export interface VariantGroups {
	/** Shown at once: a pair is two names (bug first); without pairs, each variant alone. */
	groups: string[][];
	/** Under "More variants": every variant no pair names. */
	more: string[];
}

/**
 * Groups a lesson's variants for the selector: `pairs` whose names are all variants come first,
 * each variant once (a name an earlier pair placed is not placed again), and the rest go under
 * "More variants", so the selector stays one short row however many variants a lesson has. A
 * lesson without pairs shows every variant at once.
 */
export function groupVariants(
	variants: readonly { name: string }[],
	pairs: readonly (readonly [string, string])[]
): VariantGroups {
	const names = new Set(variants.map((v) => v.name));
	const placed = new Set<string>();
	const groups: string[][] = [];
	for (const pair of pairs) {
		if (!pair.every((n) => names.has(n) && !placed.has(n)) || pair[0] === pair[1]) continue;
		groups.push([...pair]);
		pair.forEach((n) => placed.add(n));
	}
	const rest = variants.map((v) => v.name).filter((n) => !placed.has(n));
	return groups.length === 0 ? { groups: rest.map((n) => [n]), more: [] } : { groups, more: rest };
}

/** The live client's variants, all at once: its bug → fix pairs first, then each other alone. */
export function liveGroups(
	variants: readonly { name: string }[],
	pairs: readonly (readonly [string, string])[]
): VariantGroups {
	const { groups, more } = groupVariants(variants, pairs);
	return { groups: [...groups, ...more.map((n) => [n])], more: [] };
}

// "(blocking)", "(await)": the parenthesis explains the label; the comparison needs only the name.
const NOTE = /\s+\([^)]*\)$/;

/** The comparison switch's words, naming both variants: Compare “A” with “B”. */
export function compareLabel(a: string, b: string): string {
	return `Compare “${a.replace(NOTE, '')}” with “${b.replace(NOTE, '')}”`;
}
