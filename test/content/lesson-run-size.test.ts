import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { parseScenarioValue } from '../../simulations/text';
import { listLessons } from '../../src/content/lesson-list';
import { numberedScenario, type NumberValues } from '../../src/content/numbered-scenario';
import { loadLesson } from '../../src/content/lessons';
import type { Lesson } from '../../src/content/types';

// A lesson simulates on the page's own thread (the playground's large runs go to a worker): that
// holds only while every run a learner can ask for stays small. 10,000 events take a few
// milliseconds to simulate and frame; the largest today is about 5,700 (lesson 3's dev server
// with the shortest work and the longest spacing). A lesson whose numbers can go beyond this
// needs the worker, and this test says so.
const MOST_EVENTS = 10_000;

/** Every combination of each param at its lesson value, its minimum and its maximum. */
function corners(lesson: Lesson): NumberValues[] {
	let all: NumberValues[] = [{}];
	for (const p of lesson.params ?? [])
		all = all.flatMap((c) => [c, { ...c, [p.name]: p.min }, { ...c, [p.name]: p.max }]);
	return all;
}

for (const summary of listLessons()) {
	describe(`lesson ${summary.folder}, at every corner of its numbers`, async () => {
		const lesson = (await loadLesson(summary.slug)) as Lesson;

		it(`simulates each variant to at most ${MOST_EVENTS.toLocaleString('en')} events, and ends`, () => {
			for (const variant of lesson.variants)
				for (const numbers of corners(lesson)) {
					const numbered = numberedScenario(
						lesson.params ?? [],
						variant,
						numbers,
						parseScenarioValue
					);
					const at = `${variant.name} ${JSON.stringify(numbers)}`;
					expect('error' in numbered ? numbered.error : null, at).toBeNull();
					if ('error' in numbered) continue;
					const result = simulate(numbered.scenario, { trace: true });
					expect(result.trace?.length ?? 0, at).toBeLessThanOrEqual(MOST_EVENTS);
					expect(result.stopped ?? null, at).toBeNull();
				}
		});
	});
}
