import type { ParseResult, Scenario } from '../../simulations/index';
import type { LessonParam } from './lesson-params';
import { valueAt, withValueAt } from './scenario-path';
import type { LessonVariant } from './types';

/** The learner's numbers, by param name; a param left out keeps the lesson's value. */
export type NumberValues = Readonly<Record<string, number>>;

/**
 * The engine's check of a scenario document (simulations/text's parseScenarioValue), passed in:
 * a page loads it only once the learner changes a number (src/state/numbers-code.svelte.ts).
 */
export type ScenarioCheck = (doc: unknown) => ParseResult;

/** The params among `params` that change `variant` and whose value differs from the lesson's. */
export function changedParams(
	params: readonly LessonParam[],
	variant: string,
	values: NumberValues
): LessonParam[] {
	return params.filter(
		(p) =>
			values[p.name] !== undefined &&
			values[p.name] !== p.value &&
			p.sets.some((s) => s.variant === variant)
	);
}

/** What tells one numbered run of `variant` from another ("work=50,count=8"), "" for the lesson's own. */
export function numbersKey(
	params: readonly LessonParam[],
	variant: string,
	values: NumberValues
): string {
	return changedParams(params, variant, values)
		.map((p) => `${p.name}=${values[p.name]}`)
		.join(',');
}

// The engine's own ceiling for limitMs (an hour).
const MAX_LIMIT_MS = 3_600_000;

// How much longer a run may take with the learner's numbers: each changed number's ratio to the
// lesson's, either way (more work, more requests, a smaller pool), multiplied. The lesson's
// limitMs fits its own numbers; stretched so, 12 uploads of 1 s never stop at a limit meant for
// 5 of 200 ms and read as "hung". A run that finishes ends there, whatever its limit.
function stretch(changed: readonly LessonParam[], values: NumberValues): number {
	return changed.reduce((f, p) => {
		const v = values[p.name];
		return v > 0 && p.value > 0 ? f * Math.max(v / p.value, p.value / v) : f;
	}, 1);
}

/**
 * The variant's scenario with the learner's numbers put into its document and validated again
 * by the engine's `check` (a count or a pool size changes more than one field once parsed); its
 * limitMs is stretched in proportion (see `stretch`).
 */
export function numberedScenario(
	params: readonly LessonParam[],
	variant: LessonVariant,
	values: NumberValues,
	check: ScenarioCheck
): { scenario: Scenario } | { error: string } {
	const changed = changedParams(params, variant.name, values);
	if (changed.length === 0 || variant.source === undefined) return { scenario: variant.scenario };
	let doc = variant.source;
	for (const p of changed)
		for (const path of p.sets.find((s) => s.variant === variant.name)!.paths)
			doc = withValueAt(doc, path, values[p.name]);
	const limit = valueAt(doc, ['limitMs']);
	if (typeof limit === 'number')
		doc = withValueAt(
			doc,
			['limitMs'],
			Math.min(MAX_LIMIT_MS, Math.ceil(limit * stretch(changed, values)))
		);
	const parsed = check(doc);
	if (!parsed.ok) return { error: parsed.errors.map((e) => e.message).join('; ') };
	return { scenario: parsed.scenario };
}
