import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import { pathOrder } from '../../src/content/lesson-path';
import type { Lesson } from '../../src/content/types';
import { collectErrors, useLab } from './harness';
import { answerPrediction, predictionGroup } from './prediction-steps';

// Generated from the content: every inline prediction of every lesson, answered wrong, retried,
// answered right and skipped, as the parsed lesson gives its answers.
const summaries = listLessonFiles('lessons');
const lab = useLab();

async function loadLesson(slug: string): Promise<Lesson> {
	const lesson = await readLessonFiles('lessons', slug);
	if ('error' in lesson) throw new Error(lesson.error);
	return lesson;
}

const stepShown = async (page: Page) =>
	Number(await page.getByRole('slider', { name: 'Step' }).inputValue());
const next = (page: Page) => page.getByRole('button', { name: 'Next step' });

for (const { slug } of summaries) {
	describe(`the predictions of lesson ${slug}`, () => {
		it('wait for an answer, take a wrong one with a retry, keep the guess beside the answer, and skip', async () => {
			const lesson = await loadLesson(slug);
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			for (const [i, step] of lesson.steps.entries()) {
				const p = step.predict;
				if (!p) continue;
				const at = `${slug} step ${i + 1}`;
				await page.goto(`${lab.site.url}?lesson=${slug}&step=${i + 1}`);
				const group = predictionGroup(page);
				await group.waitFor();
				// Next waits: the button, the arrow key and Play all stay at the step.
				expect(await next(page).isDisabled(), at).toBe(true);
				await page.locator('h1').click();
				await page.keyboard.press('ArrowRight');
				await page.getByRole('button', { name: 'Play' }).click();
				expect(await stepShown(page), at).toBe(i + 1);

				await answerPrediction(page, p, false);
				expect(await group.getByTestId('prediction-verdict').textContent(), at).toMatch(
					/Not quite/
				);
				expect(await group.getByText('your guess').count(), at).toBeGreaterThan(0);
				expect(await group.getByText('answer', { exact: true }).count(), at).toBeGreaterThan(0);
				await group.getByRole('button', { name: 'Retry' }).click();
				expect(await next(page).isDisabled(), `${at} after retry`).toBe(true);

				await answerPrediction(page, p, true);
				expect(await group.getByTestId('prediction-verdict').textContent(), at).toMatch(/Right/);
				if (p.kind === 'choice') {
					const marked = group.locator('li', { hasText: 'your guess' });
					expect(await marked.textContent(), at).toMatch(/your guess, answer/);
				}
				await next(page).click();
				expect(await stepShown(page), at).toBe(i + 2);
				// At the reveal step the guess stays beside the truth where the question was asked.
				if (p.kind === 'time') {
					const timeline = page.getByRole('img', { name: /^Timeline/ }).first();
					expect(await timeline.locator('text.mark-label').allTextContents(), at).toEqual([
						`your guess ${p.ms} ms`,
						`answer ${p.ms} ms`
					]);
				}
				if (p.kind === 'line') {
					// The code column starts closed where it does not fit beside the loop.
					const show = page.getByRole('button', { name: 'Show the code' });
					if ((await show.count()) > 0) await show.click();
					expect(await page.locator('.code .tag').allTextContents(), at).toContain(
						'your guess, answer'
					);
				}
				// Going back shows the answer given, not the question again.
				await page.getByRole('button', { name: 'Previous step' }).click();
				expect(await group.getByTestId('prediction-verdict').count(), at).toBe(1);

				// The address follows the step once the page writes it: reload only then.
				await expect
					.poll(() => new URL(page.url()).searchParams.get('step') ?? '1', { message: at })
					.toBe(`${i + 1}`);
				await page.reload();
				await group.getByRole('button', { name: 'Skip', exact: true }).click();
				expect(await next(page).isDisabled(), `${at} after skip`).toBe(false);
			}
			expect(errors).toEqual([]);
		});
	});
}

describe('an inline prediction', () => {
	it('has no axe violations asked and answered, light and dark, at 1366 and 375 px', async () => {
		const { slug } = summaries[0];
		const lesson = await loadLesson(slug);
		const problems: string[] = [];
		for (const [i, step] of lesson.steps.entries()) {
			if (!step.predict) continue;
			for (const scheme of ['light', 'dark'] as const) {
				for (const [width, height] of [
					[1366, 768],
					[375, 667]
				]) {
					const page = await lab.context.newPage();
					await page.emulateMedia({ colorScheme: scheme });
					await page.setViewportSize({ width, height });
					await page.goto(`${lab.site.url}?lesson=${slug}&step=${i + 1}`);
					await predictionGroup(page).waitFor();
					for (const when of ['asked', 'answered']) {
						if (when === 'answered') await answerPrediction(page, step.predict, false);
						const axe = await new AxeBuilder({ page })
							.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
							.analyze();
						for (const v of axe.violations)
							problems.push(
								`step ${i + 1} ${when} ${scheme} ${width}: ${v.id} at ${v.nodes[0]?.target.join(' ')}`
							);
					}
					await page.close();
				}
			}
		}
		expect(problems).toEqual([]);
	});
});

describe('the path', () => {
	it('starts here at the first lesson, and its Next: links visit every lesson in path order', async () => {
		const order = pathOrder(summaries);
		const page = await lab.context.newPage();
		await page.goto(lab.site.url);
		await page.getByRole('link', { name: /^Start here/ }).click();
		const visited: string[] = [];
		for (let i = 0; i < order.length; i++) {
			await page.getByTestId('narration').waitFor();
			visited.push(new URL(page.url()).searchParams.get('lesson') ?? '');
			const link = page.getByRole('link', { name: /^Next:/ });
			if (i === order.length - 1) expect(await link.count()).toBe(0);
			else {
				expect(await link.textContent()).toBe(`Next: ${order[i + 1].title}`);
				await link.click();
			}
		}
		expect(visited).toEqual(order.map((l) => l.slug));
	});

	it('shows each lesson’s time and what it teaches to spot', async () => {
		const page = await lab.context.newPage();
		await page.goto(lab.site.url);
		for (const l of summaries) {
			expect(await page.getByTestId(`minutes-${l.slug}`).textContent()).toMatch(/^about \d+ min$/);
		}
		expect(await page.getByText('Afterwards you can spot:').count()).toBe(summaries.length);
	});
});
