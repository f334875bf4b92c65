import { describe, expect, it } from 'vitest';
import { parseScenarioValue } from '../../simulations/text';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { playgroundLink, scenarioLink } from '../../src/url/playground-link';
import { readQuery } from '../../src/url/params';
import { decodeScenarioLink } from '../../src/url/scenario-link';

const lesson = (await readLessonFiles('lessons', 'blocking-vs-offloaded')) as Lesson;

/** What the playground reads from `link` as `key`. */
function scenarioIn(link: string, key: 's' | 'b'): unknown {
	const url = new URL(link, 'https://lab.example/');
	const value = readQuery(url.search, url.hash).params[key];
	if (value === null) return null;
	const decoded = decodeScenarioLink(value);
	return decoded.ok ? JSON.parse(decoded.text) : decoded.message;
}

describe('playgroundLink(lesson, shown, numbers, check)', () => {
	it('holds the variant on show, and its compare partner as variant B', () => {
		const [a, b] = lesson.compare!;
		const link = playgroundLink(lesson, a);
		const scenario = (name: string) => lesson.variants.find((v) => v.name === name)!.scenario;
		expect(scenarioIn(link, 's')).toEqual(scenario(a));
		expect(scenarioIn(link, 'b')).toEqual(scenario(b));
		expect(scenarioIn(playgroundLink(lesson, b), 'b')).toEqual(scenario(a));
		expect(link).toMatch(/^\?page=playground#s=[^&]+&b=[^&]+$/);
	});

	it('has no variant B for a variant outside the comparison', () => {
		const other = lesson.variants.find((v) => !lesson.compare!.includes(v.name))!;
		expect(scenarioIn(playgroundLink(lesson, other.name), 'b')).toBeNull();
	});

	it("carries the learner's numbers into both variants, once they can be checked", () => {
		const [a] = lesson.compare!;
		expect(playgroundLink(lesson, a, { work: 50 })).toBe(playgroundLink(lesson, a));
		const link = playgroundLink(lesson, a, { work: 50 }, parseScenarioValue);
		const first = (key: 's' | 'b') =>
			(scenarioIn(link, key) as { handlers: { upload: { steps: { ms: number }[] } } }).handlers
				.upload.steps[0].ms;
		expect([first('s'), first('b')]).toEqual([50, 50]);
		expect(scenarioIn(link, 's')).not.toEqual(scenarioIn(playgroundLink(lesson, a), 's'));
	});
});

describe('scenarioLink(text)', () => {
	it('opens the playground with the text as scenario A, exactly', () => {
		const text = '{\n  "format": "event-loop-lab/scenario@1"\n}';
		expect(scenarioIn(scenarioLink(text)!, 's')).toEqual(JSON.parse(text));
		// In the #fragment, which no server sees, so no server refuses a long one.
		expect(scenarioLink(text)).toMatch(/^\?page=playground#s=[^&]+$/);
		expect(scenarioLink(text, text)).toMatch(/^\?page=playground&compare=1#s=[^&]+&b=[^&]+$/);
		expect(scenarioIn(scenarioLink(text, '{}')!, 'b')).toEqual({});
	});

	it('is null for a text too long for a link', () => {
		// Random digits do not compress: far over MAX_LINK once encoded.
		let seed = 1;
		const digits = Array.from({ length: 300_000 }, () => (seed = (seed * 48271) % 2147483647) % 10);
		expect(scenarioLink(JSON.stringify({ digits: digits.join('') }))).toBeNull();
	});
});
