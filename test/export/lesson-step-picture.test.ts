import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import { listLessons } from '../../src/content/lesson-list';
import type { Lesson } from '../../src/content/types';
import { pictureFileName, stepPictureInputs } from '../../src/export/lesson-step-picture';
import { stepPicture } from '../../src/export/step-picture';

describe('stepPictureInputs(lesson)(index)', () => {
	it("shows the step's own variant at its anchored moment, with the loop's status then", async () => {
		const lesson = (await readLessonFiles('lessons', 'gather-deadlock')) as Lesson;
		const input = stepPictureInputs(lesson)(3);
		expect(input).toMatchObject({
			title: `6. ${lesson.title}`,
			step: 4,
			count: lesson.steps.length,
			variant: 'gather + threading.Lock (one mechanism that produces the symptom)',
			t: 0,
			narration: lesson.steps[3].text,
			status: "Blocked: main/2: threading.Lock 'client_lock'.acquire()."
		});
		expect(input.hungReason).toMatch(/^deadlock:/);
	});

	// From the content: every step of every lesson draws, its cursor inside its timeline.
	for (const { slug } of listLessons()) {
		it(`draws every step of ${slug}`, async () => {
			const lesson = (await readLessonFiles('lessons', slug)) as Lesson;
			const inputs = stepPictureInputs(lesson);
			lesson.steps.forEach((_, i) => {
				const input = inputs(i);
				expect(input.t).toBeLessThanOrEqual(input.timeline.endMs);
				expect(stepPicture(input, 'light')).toContain(`Step ${i + 1} of ${lesson.steps.length}`);
			});
		});
	}
});

describe('pictureFileName(slug, step, format)', () => {
	it('names a file <slug>-step-<n>.<format>', () => {
		expect(pictureFileName('gather-deadlock', 4, 'png')).toBe('gather-deadlock-step-4.png');
	});
});
