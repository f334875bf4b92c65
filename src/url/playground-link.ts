import {
	numberedScenario,
	numbersKey,
	type NumberValues,
	type ScenarioCheck
} from '../content/numbered-scenario';
import type { Lesson } from '../content/types';
import { eachWhenIdle } from '../state/when-idle';
import { DEFAULTS, writeUrl } from './params';
import { encodeScenarioLink, MAX_LINK } from './scenario-link';

// Compressing a scenario costs milliseconds: each variant's is made once per lesson and numbers.
const memo = new WeakMap<Lesson, Map<string, string>>();

// Without `check` (a page loads it with the first changed number), the lesson's own numbers.
function encoded(
	lesson: Lesson,
	name: string,
	numbers: NumberValues,
	check?: ScenarioCheck
): string {
	let links = memo.get(lesson);
	if (!links) memo.set(lesson, (links = new Map()));
	const key = `${name}|${check ? numbersKey(lesson.params ?? [], name, numbers) : ''}`;
	let link = links.get(key);
	if (link === undefined) {
		const variant = lesson.variants.find((v) => v.name === name);
		const numbered =
			variant && check && numberedScenario(lesson.params ?? [], variant, numbers, check);
		const scenario = numbered && 'scenario' in numbered ? numbered.scenario : variant?.scenario;
		link = encodeScenarioLink(JSON.stringify(scenario, null, 2));
		links.set(key, link);
	}
	return link;
}

/**
 * Compresses each variant's link (with the lesson's own numbers) one per idle moment, so a step
 * that first shows a variant, as Play reaches it, does not spend its frame on it. Returns a stop.
 */
export function warmPlaygroundLinks(lesson: Lesson): () => void {
	return eachWhenIdle(lesson.variants, (v) => encoded(lesson, v.name, {}));
}

/**
 * The playground with the variant on show, and its before/after partner as variant B, each with
 * the learner's `numbers` where they change it, checked with `check` (written as the playground
 * writes its own links: the scenarios in the #fragment).
 */
export function playgroundLink(
	lesson: Lesson,
	shown: string,
	numbers: NumberValues = {},
	check?: ScenarioCheck
): string {
	const partner = lesson.compare?.includes(shown)
		? lesson.compare.find((n) => n !== shown)
		: undefined;
	const b = partner ? encoded(lesson, partner, numbers, check) : null;
	const s = encoded(lesson, shown, numbers, check);
	return writeUrl({ ...DEFAULTS, page: 'playground', s, b });
}

/**
 * The playground opening `text` as scenario A (and `b` as variant B, compared on one axis), or
 * null when it is too long for a link.
 */
export function scenarioLink(text: string, b: string | null = null): string | null {
	const s = encodeScenarioLink(text);
	const other = b === null ? '' : encodeScenarioLink(b);
	if (s.length + other.length > MAX_LINK) return null;
	return writeUrl({
		...DEFAULTS,
		page: 'playground',
		compare: b !== null,
		s,
		b: b === null ? null : other
	});
}
