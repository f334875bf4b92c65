import { describe, expect, it } from 'vitest';
import { listLessons } from '../../src/content/lesson-list';
import { loadLesson } from '../../src/content/lessons';
import type { Lesson } from '../../src/content/types';

// One idea per step: 220 characters of narration source is about two lines of the narration box at
// 1366 px (≈ 110 characters a line at the box's width), the box's height before it scrolls with
// room for the step's announcement. Figures, sources and call chains go in "### Measured on
// CPython", which is not counted (nor are the `###` parts, nor `expect:` lines).
const MAX_NARRATION = 220;
// Predict, then reveal, where it matters: every lesson asks at least this many inline.
const MIN_PREDICTIONS = 2;

for (const summary of listLessons()) {
	describe(`lesson ${summary.folder} teaches`, async () => {
		const lesson = (await loadLesson(summary.slug)) as Lesson;
		const file = `lessons/${summary.folder}/steps.md`;

		it(`narrates one idea per step (at most ${MAX_NARRATION} characters)`, () => {
			const long = lesson.steps.flatMap((s, i) =>
				s.text.length > MAX_NARRATION ? [`step ${i + 1}: ${s.text.length} characters`] : []
			);
			expect(long, file).toEqual([]);
		});

		it(`asks at least ${MIN_PREDICTIONS} inline predictions, none at the last step`, () => {
			const asked = lesson.steps.filter((s) => s.predict).length;
			expect(asked, file).toBeGreaterThanOrEqual(MIN_PREDICTIONS);
			// A prediction is asked before the step that reveals it, so the last step has none.
			expect(lesson.steps.at(-1)?.predict, file).toBeUndefined();
		});
	});
}
