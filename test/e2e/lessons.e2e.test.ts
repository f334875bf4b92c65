import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import { simulate, type SimResult } from '../../simulations/index';
import type { Lesson } from '../../src/content/types';
import { collectErrors, useLab } from './harness';
import { skipPrediction, skipToLastStep } from './prediction-steps';

// Generated from the content: every lesson folder the loader finds gets the same checks.
const lessons = listLessonFiles('lessons').map((l) => l.slug);

const lab = useLab();

// The narration as read: a number field reads as its value (it loads after the first step, so
// the same step shows the lesson's number as text before it and as a field after it).
const narration = (page: Page) =>
	page.getByTestId('narration').evaluate((n) => {
		const copy = n.cloneNode(true) as HTMLElement;
		const fields = [...n.querySelectorAll('input')];
		copy.querySelectorAll('input').forEach((f, i) => f.replaceWith(fields[i].value));
		return copy.textContent;
	});
const slider = (page: Page) => page.getByRole('slider', { name: 'Step' });
const moment = (page: Page) => page.getByRole('slider', { name: 'Moment' });

/** A lesson through the project's own loader, as the CLI reads it. */
async function loadLesson(slug: string): Promise<Lesson> {
	const lesson = await readLessonFiles('lessons', slug);
	if ('error' in lesson) throw new Error(lesson.error);
	return lesson;
}

/** What a run's last moment should show: the outcome, and each request's latency and status. */
interface ShownRun {
	outcome: string;
	requests: { id: string; latencyMs: number | null; error: boolean }[];
}

function predictedRun(result: SimResult): ShownRun {
	return {
		outcome: result.hung ? `hung: ${result.hung.reason}` : 'completed',
		requests: result.requests.map((q) => ({
			id: q.id,
			// As the table writes it: to a tenth of a millisecond.
			latencyMs: q.endMs === null ? null : Number((q.endMs - q.arriveMs).toFixed(1)),
			error: q.status === 'error'
		}))
	};
}

/** Reads the outcome and the latency table of the moment on show. */
async function shownRun(page: Page): Promise<ShownRun> {
	const hung = page.getByTestId('hung-reason');
	const outcome =
		(await hung.count()) > 0
			? `hung: ${(await hung.textContent())?.replace(/^Outcome: hung\. /, '')}`
			: (await page.getByTestId('loop-status').textContent()) === 'The run has finished.'
				? 'completed'
				: 'not at the end';
	// The latency panel loads when the page is idle: wait for its table before reading rows.
	const table = page.getByRole('table', { name: /^Latency per request/ });
	await table.waitFor();
	const rows = table.locator('tbody tr');
	const requests = [];
	for (const row of await rows.all()) {
		const latency = /^([\d,.]+) ms( \(error\))?$/.exec(
			(await row.locator('td').first().textContent()) ?? ''
		);
		requests.push({
			id: (await row.locator('th').textContent()) ?? '',
			latencyMs: latency ? Number(latency[1].replace(/,/g, '')) : null,
			error: Boolean(latency?.[2])
		});
	}
	return { outcome, requests };
}

describe('the home page', () => {
	it('lists every lesson folder with a link', async () => {
		const page = await lab.context.newPage();
		await page.goto(lab.site.url);
		// Once in the path's sections ("Start here" links the first one again, above them).
		for (const slug of lessons) {
			expect(await page.locator(`section a[href="?lesson=${slug}"]`).count()).toBe(1);
		}
	});
});

for (const slug of lessons) {
	describe(`lesson ${slug}`, () => {
		it('steps forward and back with buttons and keys; narration, slider and URL follow', async () => {
			const lesson = await loadLesson(slug);
			// Steps 1 and 2 skip their predictions on the way; End stops at the next one that waits
			// (predictions.e2e answers them).
			const held = lesson.steps.findIndex((s, i) => i >= 2 && s.predict);
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${lab.site.url}?lesson=${slug}`);
			const first = await narration(page);
			expect(await slider(page).inputValue()).toBe('1');

			await skipPrediction(page);
			await page.getByRole('button', { name: 'Next step' }).click();
			expect(await narration(page)).not.toBe(first);
			expect(await slider(page).inputValue()).toBe('2');
			await expect.poll(() => page.url()).toContain('step=2');

			await skipPrediction(page);
			await page.locator('h1').click(); // focus outside any control, as a reader would
			await page.keyboard.press('ArrowRight');
			expect(await slider(page).inputValue()).toBe('3');
			await page.keyboard.press('ArrowLeft');
			expect(await slider(page).inputValue()).toBe('2');
			await page.keyboard.press('End');
			const last = await slider(page).getAttribute('max');
			expect(await slider(page).inputValue()).toBe(held < 0 ? last : String(held + 1));
			await page.keyboard.press('Home');
			expect(await slider(page).inputValue()).toBe('1');
			await page.getByRole('button', { name: 'Previous step' }).isDisabled();

			await page.getByRole('button', { name: 'Next step' }).click();
			await page.getByRole('button', { name: 'Next step' }).click();
			const third = await narration(page);
			await page.getByRole('button', { name: 'Previous step' }).click();
			await page.getByRole('button', { name: 'Next step' }).click();
			expect(await narration(page)).toBe(third);

			// The URL restores the step.
			await expect.poll(() => page.url()).toContain('step=3');
			await page.reload();
			expect(await slider(page).inputValue()).toBe('3');
			expect(await narration(page)).toBe(third);
			expect(errors).toEqual([]);
		});

		it('scrubs to any moment with the Moment slider, kept in the URL', async () => {
			const page = await lab.context.newPage();
			await page.goto(`${lab.site.url}?lesson=${slug}&step=3`);
			const status = page.getByTestId('loop-status');
			const before = await status.textContent();
			const moment = page.getByRole('slider', { name: 'Moment' });
			await moment.fill('0');
			await expect.poll(() => page.url()).toContain('t=0');
			const atZero = await status.textContent();
			await moment.fill(String(await moment.getAttribute('max')));
			expect(await status.textContent()).toMatch(/finished|hung/);
			await page.getByRole('button', { name: 'Back to the step' }).click();
			expect(await status.textContent()).toBe(before);
			expect(atZero).toBeTruthy();
		});

		it('shows each variant as the engine predicts it: outcome, and every end and status', async () => {
			const lesson = await loadLesson(slug);
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			// Each variant by its link (clicking a variant is the stage-layout e2e's and the
			// selector's DOM test's); the button of the variant on show is pressed.
			for (const variant of lesson.variants) {
				await page.goto(`${lab.site.url}?lesson=${slug}&variant=${variant.name}`);
				await page.getByTestId('narration').waitFor();
				// A closed "More variants" hides its buttons from the accessibility tree.
				const more = page.locator('details.more summary');
				if ((await more.count()) > 0) await more.click();
				const button = page
					.getByRole('group', { name: 'Variant' })
					.getByRole('button')
					.filter({ hasText: variant.label })
					.first();
				expect(await button.getAttribute('aria-pressed')).toBe('true');
				await moment(page).focus();
				await page.keyboard.press('End');
				expect(await shownRun(page), variant.name).toEqual(
					predictedRun(simulate(variant.scenario))
				);
			}
			await page.getByRole('radio').first().check();
			await page.getByRole('button', { name: 'Check my answer' }).click();
			expect(await page.getByTestId('verdict').textContent()).toMatch(/Right|Not quite/);
			expect(errors).toEqual([]);
		});

		it('plays through every step to the last, stopping at each prediction, then stops playing', async () => {
			const lesson = await loadLesson(slug);
			const page = await lab.context.newPage();
			await page.goto(`${lab.site.url}?lesson=${slug}&speed=4`);
			await page.getByTestId('narration').waitFor();
			const count = Number(await slider(page).getAttribute('max'));
			for (const [i, step] of lesson.steps.entries()) {
				if (!step.predict) continue;
				await page.getByRole('button', { name: 'Play' }).click();
				await expect.poll(async () => Number(await slider(page).inputValue())).toBe(i + 1);
				await page.getByRole('button', { name: 'Play' }).waitFor(); // play stopped there
				await skipPrediction(page);
			}
			await page.getByRole('button', { name: 'Play' }).click();
			await expect.poll(async () => Number(await slider(page).inputValue())).toBe(count);
			await page.getByRole('button', { name: 'Play' }).waitFor();
			await expect.poll(() => page.url()).toContain(`step=${count}`);
		});

		for (const scheme of ['light', 'dark'] as const) {
			it(`has no axe violations (WCAG 2.2 AA) in ${scheme}, and is screenshotted`, async () => {
				const page = await lab.context.newPage();
				await page.emulateMedia({ colorScheme: scheme });
				for (const [width, height, step] of [
					[1366, 768, 2],
					[375, 667, 5]
				]) {
					await page.setViewportSize({ width, height });
					await page.goto(`${lab.site.url}?lesson=${slug}&step=${step}&compare=1`);
					await page.getByTestId('narration').waitFor();
					const axe = await new AxeBuilder({ page })
						.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
						.analyze();
					expect(
						axe.violations.map(
							(v) =>
								`${v.id}: ${v.help} at ${v.nodes
									.map((n) => n.target.join(' '))
									.slice(0, 3)
									.join(' | ')}`
						)
					).toEqual([]);
					await page.screenshot({
						path: `test-results/${slug}-${scheme}-${width}.png`,
						fullPage: true
					});
				}
			});
		}
	});
}

describe('the step keys', () => {
	it('step while a step button has focus, and Space still presses that button', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?lesson=${lessons[0]}`);
		const next = page.getByRole('button', { name: 'Next step' });
		await next.click(); // focus stays on Next, as after any click
		await page.keyboard.press('ArrowRight');
		expect(await slider(page).inputValue()).toBe('3');
		await page.keyboard.press('ArrowLeft');
		expect(await slider(page).inputValue()).toBe('2');
		await page.keyboard.press('Space'); // the button's own click: one step, and no Play
		expect(await slider(page).inputValue()).toBe('3');
		expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
		expect(await next.getAttribute('aria-keyshortcuts')).toBe('ArrowRight');
		expect(await page.getByText('Keys:').isVisible()).toBe(true);
	});
});

describe('the gather "deadlock" lesson', () => {
	it('shows the reported client hung with its reason, and the fixed client completing', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?lesson=gather-deadlock&variant=thread-lock-gather`);
		const moment = page.getByRole('slider', { name: 'Moment' });
		await moment.focus();
		await page.keyboard.press('End');
		expect(await page.getByTestId('hung-reason').textContent()).toMatch(
			/hung.*deadlock.*threading\.Lock 'client_lock'\.acquire\(\)/
		);
		await page
			.getByRole('group', { name: 'Variant' })
			.getByRole('button', { name: /a future per id/ })
			.click();
		await moment.focus();
		await page.keyboard.press('End');
		expect(await page.getByTestId('loop-status').textContent()).toBe('The run has finished.');
		expect(await page.getByTestId('hung-reason').count()).toBe(0);
		expect(errors).toEqual([]);
	});
});

describe('sharing and exporting a step', () => {
	it('the Share / Embed dialog gives this exact state as a link, an iframe and an element, with a preview', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?lesson=gather-deadlock&step=4`);
		await page.getByRole('button', { name: 'Share / Embed' }).click();
		const dialog = page.getByRole('dialog');
		expect(await dialog.getByTestId('share-link').inputValue()).toMatch(
			/\?lesson=gather-deadlock&step=4$/
		);
		await dialog.getByLabel('Controls').selectOption('minimal');
		expect(await dialog.getByTestId('share-element').inputValue()).toMatch(
			/<event-loop-lesson lesson="gather-deadlock" step="4" controls="minimal"><\/event-loop-lesson>/
		);
		const iframe = await dialog.getByLabel(/^iframe/).inputValue();
		expect(iframe).toMatch(/title="Event Loop Lab: [^"]+" loading="lazy"/);
		const preview = page.frameLocator('dialog iframe');
		expect(await preview.getByTestId('step-counter').textContent()).toMatch(/4 \/ 19/);
		await page.keyboard.press('Escape');
		expect(await dialog.isVisible()).toBe(false);
		expect(errors).toEqual([]);
	});

	it('exports the step as SVG and PNG pictures that show it', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?lesson=gather-deadlock&step=4`);
		const group = page.getByRole('group', { name: 'Export picture' });
		const [svg] = await Promise.all([
			page.waitForEvent('download'),
			group.getByRole('button', { name: 'This step' }).click()
		]);
		expect(svg.suggestedFilename()).toBe('gather-deadlock-step-4.svg');
		const text = readFileSync((await svg.path()) as string, 'utf8');
		expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(text).toMatch(/Step 4 of 19/);
		await group.getByLabel('Format').selectOption('png');
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			group.getByRole('button', { name: 'This step' }).click()
		]);
		expect(png.suggestedFilename()).toBe('gather-deadlock-step-4.png');
		const bytes = readFileSync((await png.path()) as string);
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect(bytes.length).toBeGreaterThan(10_000);
	});
});

describe('the lesson path', () => {
	it('groups lessons into the path and remembers progress locally', async () => {
		const page = await lab.context.newPage();
		await page.goto(lab.site.url);
		expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
			expect.arrayContaining(['Basics', 'Causes', 'Fixes', 'Detection'])
		);
		await page.goto(`${lab.site.url}?lesson=${lessons[0]}`);
		await skipToLastStep(page, await loadLesson(lessons[0]));
		await page.goto(lab.site.url);
		expect(await page.getByTestId(`progress-${lessons[0]}`).textContent()).toBe('done');
	});
});

describe('theme', () => {
	it('follows the system by default and remembers an explicit choice across reloads', async () => {
		const page = await lab.context.newPage();
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(`${lab.site.url}?lesson=${lessons[0]}`);
		const bg = () =>
			page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		const light = await bg();
		await page.getByRole('banner').getByLabel('Theme').selectOption('dark');
		expect(await bg()).not.toBe(light);
		await page.reload();
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		expect(await bg()).not.toBe(light);
		await page.getByRole('banner').getByLabel('Theme').selectOption('auto');
	});
});
