import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScenarioValue } from '../../simulations/text';
import { readLessonFiles } from '../../cli/lesson-files';
import { numberName } from '../../src/content/number-markers';
import type { Lesson } from '../../src/content/types';
import { lessonRun } from '../../src/state/lesson-runs';
import { collectErrors, useLab } from './harness';

// Lessons 5–8 opened from a link with a changed number: the narration's field holds it and the
// stage draws the run with it. The run's length comes from the engine, never hard-coded.
const CASES = [
	{ slug: 'no-threads-fallback', param: 'work', value: 400, variant: 'inline-thread-lock' },
	{ slug: 'gather-deadlock', param: 'tick', value: 200, variant: 'lost-wakeup-timer' },
	{ slug: 'loop-on-its-own-thread', param: 'count', value: 8, variant: 'run-until-complete' },
	{ slug: 'catching-a-blocked-loop', param: 'block', value: 300, variant: 'long-blocks' }
];

const lab = useLab();

async function numbered(c: (typeof CASES)[number]) {
	const lesson = (await readLessonFiles('lessons', c.slug)) as Lesson;
	const param = lesson.params.find((p) => p.name === c.param)!;
	// The first step of the variant whose narration has the number as a field.
	const step =
		lesson.steps.findIndex(
			(s) => s.variant === c.variant && s.numbersHtml?.includes(`data-param="${c.param}"`)
		) + 1;
	const endMs = (values = {}) =>
		lessonRun(lesson, c.variant, values, parseScenarioValue).timeline.endMs;
	return {
		step,
		name: numberName(param),
		own: endMs(),
		changed: endMs({ [c.param]: c.value }),
		query: `lesson=${c.slug}&step=${step}&set=${c.param}:${c.value}`
	};
}

const timelineName = (page: Page) =>
	page
		.getByRole('img', { name: /^Timeline/ })
		.first()
		.getAttribute('aria-label');

describe('numbers you can change in place (lessons 5–8)', () => {
	for (const c of CASES) {
		it(`${c.slug}: set=${c.param}:${c.value} shows in the narration's field and on the stage`, async () => {
			const n = await numbered(c);
			expect(n.step).toBeGreaterThan(0);
			expect(n.changed).not.toBe(n.own);
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${lab.site.url}?${n.query}`);
			const field = page.getByTestId('narration').getByRole('spinbutton', { name: n.name });
			await field.waitFor();
			expect(await field.inputValue()).toBe(String(c.value));
			await expect.poll(() => timelineName(page)).toMatch(`0–${n.changed} ms`);
			expect(await page.getByRole('button', { name: 'Reset numbers' }).count()).toBe(1);

			// Share / Embed carries the numbers into the link and both snippets.
			await page.getByRole('button', { name: 'Share / Embed' }).click();
			const dialog = page.getByRole('dialog');
			const set = `set=${c.param}:${c.value}`;
			expect(await dialog.getByTestId('share-link').inputValue()).toContain(set);
			expect(await dialog.getByTestId('share-numbers').textContent()).toContain(set);
			expect(await dialog.getByTestId('share-element').inputValue()).toContain(
				` set="${c.param}:${c.value}"`
			);
			expect(await dialog.getByRole('textbox', { name: /^iframe/ }).inputValue()).toContain(
				`&amp;${set}`
			);
			expect(errors).toEqual([]);
		});
	}

	it('an embed opened with set= shows the changed number and keeps it in its link to the lab', async () => {
		const c = CASES[3];
		const n = await numbered(c);
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}embed.html?${n.query}&controls=minimal`);
		const field = page.getByRole('spinbutton', { name: n.name });
		await field.waitFor();
		expect(await field.inputValue()).toBe(String(c.value));
		await expect.poll(() => timelineName(page)).toMatch(`0–${n.changed} ms`);
		expect(
			await page.getByRole('link', { name: 'Open in Event Loop Lab' }).getAttribute('href')
		).toContain(`set=${c.param}:${c.value}`);

		// A number the lesson does not have is named in the embed's notes; the run stays the lesson's.
		await page.goto(`${lab.site.url}embed.html?lesson=${c.slug}&step=${n.step}&set=pool:4`);
		await page.getByTestId('narration').waitFor();
		expect(await page.getByTestId('embed-notes').textContent()).toContain(
			'set: "pool:4" names no number of this lesson (block, threshold); ignored.'
		);
		await expect.poll(() => timelineName(page)).toMatch(`0–${n.own} ms`);
		expect(errors).toEqual([]);
	});
});
