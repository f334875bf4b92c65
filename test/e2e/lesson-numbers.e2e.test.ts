import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScenarioValue } from '../../simulations/text';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { lessonRun } from '../../src/state/lesson-runs';
import { collectErrors, useLab } from './harness';

// Lesson 2's step "Answers at 200, 400, 600, 800 and 1,000 ms": its work duration is a field.
const SLUG = 'blocking-vs-offloaded';
const lesson = (await readLessonFiles('lessons', SLUG)) as Lesson;
const step = lesson.steps.findIndex((s) => s.text.startsWith('Answers at')) + 1;
const lab = useLab();

const field = (page: Page) => page.getByRole('spinbutton', { name: 'Work duration, ms' });
const timelineName = (page: Page) =>
	page
		.getByRole('img', { name: /^Timeline/ })
		.first()
		.getAttribute('aria-label');
const r5Latency = (page: Page) =>
	page
		.locator('table.data tr', { has: page.locator('th', { hasText: /^r5$/ }) })
		.locator('td')
		.first()
		.textContent();
const staleNote = (page: Page) => page.getByTestId('stale-note');
// What the engine itself gives for r5 with a work duration, so the test never hard-codes a run.
const r5End = (work: number) =>
	lessonRun(lesson, 'time-sleep', { work }, parseScenarioValue).result.requests.find(
		(r) => r.id === 'r5'
	)!.endMs!;
const ms = (n: number) => `${n.toLocaleString('en-US')} ms`;

describe('numbers you can change in place (lesson 2)', () => {
	it('changes the work duration by keyboard and by typing, redraws the views, notes the stale narration, resets, and keeps it in the URL', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?lesson=${SLUG}&step=${step}`);
		const work = field(page);
		await work.waitFor();
		expect(await work.getAttribute('aria-valuenow')).toBe('200');
		expect([await work.getAttribute('min'), await work.getAttribute('max')]).toEqual(['10', '500']);
		expect(await timelineName(page)).toMatch(`0–${r5End(200)} ms`);
		const latencyBefore = await r5Latency(page);
		expect(await page.getByRole('button', { name: 'Reset numbers' }).count()).toBe(0);
		// The step asks a prediction about the lesson's numbers: it waits for an answer.
		expect(await page.getByRole('button', { name: 'Next step' }).isDisabled()).toBe(true);

		// Keyboard: 15 steps of 10 ms down, 200 → 50 ms.
		await work.focus();
		for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
		await expect.poll(() => work.getAttribute('aria-valuenow')).toBe('50');
		await expect.poll(() => timelineName(page)).toMatch(`0–${r5End(50)} ms`);
		expect(await r5Latency(page)).not.toBe(latencyBefore);
		expect(await staleNote(page).textContent()).toContain(
			`With your 50 ms: r5 ends at ${ms(r5End(50))}, not ${ms(r5End(200))}.`
		);
		await expect.poll(() => page.url()).toContain('set=work:50');
		// The prediction is about 200 ms: not asked, not graded; Next no longer waits.
		expect(await page.getByTestId('prediction-suspended').count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Next step' }).isDisabled()).toBe(false);

		// Typing: 240 ms, past the lesson's value, so the step's claims no longer hold.
		await work.fill('240');
		await work.press('Enter');
		await expect.poll(() => timelineName(page)).toMatch(`0–${r5End(240)} ms`);
		await expect
			.poll(() => staleNote(page).textContent())
			.toContain('this no longer holds: “loop select”');
		await expect.poll(() => page.url()).toContain('set=work:240');
		const axe = await new AxeBuilder({ page }).include('[data-testid="stage-bar"]').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

		// Reset: the lesson's value, the lesson's run, no note, no set= and no Reset button.
		await page.getByRole('button', { name: 'Reset numbers' }).click();
		await expect.poll(() => work.getAttribute('aria-valuenow')).toBe('200');
		expect(await work.inputValue()).toBe('200');
		await expect.poll(() => timelineName(page)).toMatch(`0–${r5End(200)} ms`);
		expect(await staleNote(page).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Reset numbers' }).count()).toBe(0);
		await expect.poll(() => page.url()).not.toContain('set=');
		expect(await page.getByRole('button', { name: 'Next step' }).isDisabled()).toBe(true);
		expect(errors).toEqual([]);
	});

	it('restores changed numbers from a link, and ignores a bad one with a note', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?lesson=${SLUG}&step=${step}&set=work:120`);
		await field(page).waitFor();
		expect(await field(page).inputValue()).toBe('120');
		expect(await timelineName(page)).toMatch(`0–${r5End(120)} ms`);
		expect(await staleNote(page).textContent()).toContain(`r5 ends at ${ms(r5End(120))}`);

		// A drag sideways scrubs: 6 px a step, so 60 px right is 10 steps up.
		const box = (await field(page).boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2, { steps: 3 });
		await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 3 });
		await page.mouse.up();
		await expect.poll(() => field(page).inputValue()).toBe('220');
		await expect.poll(() => page.url()).toContain('set=work:220');

		await page.goto(`${lab.site.url}?lesson=${SLUG}&step=${step}&set=work:7,speed:2`);
		await field(page).waitFor();
		expect(await field(page).inputValue()).toBe('200');
		expect(await page.getByRole('status').filter({ hasText: 'set:' }).textContent()).toContain(
			'set: "work:7" is outside 10 ms to 500 ms; ignored.'
		);
		expect(errors).toEqual([]);
	});
});
