import type { Lesson } from '../content/types';
import { encodeScenarioLink } from './scenario-link';

// Compressing a scenario costs milliseconds: each variant's is made once per lesson.
const memo = new WeakMap<Lesson, Map<string, string>>();

function encoded(lesson: Lesson, name: string): string {
	let links = memo.get(lesson);
	if (!links) memo.set(lesson, (links = new Map()));
	let link = links.get(name);
	if (link === undefined) {
		const scenario = lesson.variants.find((v) => v.name === name)?.scenario;
		link = encodeURIComponent(encodeScenarioLink(JSON.stringify(scenario, null, 2)));
		links.set(name, link);
	}
	return link;
}

/** The playground with the variant on show, and its before/after partner as variant B. */
export function playgroundLink(lesson: Lesson, shown: string): string {
	const partner = lesson.compare?.includes(shown)
		? lesson.compare.find((n) => n !== shown)
		: undefined;
	const b = partner ? `&b=${encoded(lesson, partner)}` : '';
	return `?page=playground&s=${encoded(lesson, shown)}${b}`;
}
