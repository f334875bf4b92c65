/** The variant selector's order: bug → fix pairs, then each other variant a step uses, then the rest. */
export interface VariantGroups {
	/** Shown at once: a pair is two names (bug first), anything else one. */
	groups: string[][];
	/** Under "More variants": no step uses them and no pair names them. */
	more: string[];
}

/**
 * Groups a lesson's variants for the selector: `pairs` whose names are all variants come first,
 * then every variant a step uses (`used`) in the lesson's order, then the rest as `more`. Each
 * variant appears once: a name already placed by an earlier pair is not placed again.
 */
export function groupVariants(
	variants: readonly { name: string }[],
	pairs: readonly (readonly [string, string])[],
	used: Iterable<string>
): VariantGroups {
	const names = new Set(variants.map((v) => v.name));
	const placed = new Set<string>();
	const groups: string[][] = [];
	for (const pair of pairs) {
		if (!pair.every((n) => names.has(n) && !placed.has(n)) || pair[0] === pair[1]) continue;
		groups.push([...pair]);
		pair.forEach((n) => placed.add(n));
	}
	const onSteps = new Set(used);
	for (const { name } of variants)
		if (onSteps.has(name) && !placed.has(name)) {
			groups.push([name]);
			placed.add(name);
		}
	return { groups, more: variants.map((v) => v.name).filter((n) => !placed.has(n)) };
}

// "(blocking)", "(await)": the parenthesis explains the label; the comparison needs only the name.
const NOTE = /\s+\([^)]*\)$/;

/** The comparison switch's words, naming both variants: Compare “A” with “B”. */
export function compareLabel(a: string, b: string): string {
	return `Compare “${a.replace(NOTE, '')}” with “${b.replace(NOTE, '')}”`;
}
