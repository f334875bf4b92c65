import type { Locator, Page } from 'playwright-core';
import type { Lesson, Prediction } from '../../src/content/types';

/** The inline prediction on show: the group whose accessible name starts "Predict". */
export const predictionGroup = (page: Page): Locator =>
	page.getByRole('group', { name: /^Predict/ });

/**
 * Skips the prediction on show, if one waits. Next says at once that it waits; the form itself
 * loads with the first step that asks, so its Skip is waited for.
 */
export async function skipPrediction(page: Page): Promise<void> {
	const waits = page
		.getByRole('button', { name: 'Next step' })
		.and(page.getByTitle('Answer or skip the prediction first'));
	if ((await waits.count()) === 0) return;
	await predictionGroup(page).getByRole('button', { name: 'Skip', exact: true }).click();
}

/** Presses End until the last step, skipping every prediction that holds the way. */
export async function skipToLastStep(page: Page, lesson: Lesson): Promise<void> {
	for (let i = 0; i <= lesson.steps.filter((s) => s.predict).length; i++) {
		await skipPrediction(page);
		await page.locator('h1').click();
		await page.keyboard.press('End');
	}
}

/** Gives a right (or a wrong) answer to the prediction on show, as a learner would. */
export async function answerPrediction(page: Page, p: Prediction, right: boolean): Promise<void> {
	const group = predictionGroup(page);
	if (p.kind === 'choice') {
		const pick = right ? p.answer : p.answer === 0 ? 1 : 0;
		await group.locator('button.choice').nth(pick).click();
	} else if (p.kind === 'time') {
		const slider = group.getByRole('slider', { name: 'Your guess (ms)' });
		const max = Number(await slider.getAttribute('max'));
		const wrong = p.ms > max / 2 ? 0 : max;
		await slider.fill(String(right ? p.ms : wrong));
		await group.getByRole('button', { name: 'Check my guess' }).click();
	} else {
		const count = await group.getByRole('button', { name: /^Line \d+:/ }).count();
		const wrong = Array.from({ length: count }, (_, i) => i + 1).find((n) => !p.lines.includes(n));
		await group.getByRole('button', { name: `Line ${right ? p.lines[0] : wrong}:` }).click();
	}
}
