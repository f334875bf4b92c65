import { describe, expect, it } from 'vitest';
import { scaledScenario } from '../../bench/scale';
import { scenarioLink } from '../../src/url/playground-link';
import { collectErrors, useLab } from './harness';

const lab = useLab();

// How long the page's tasks take is the bench's (`npm run bench:browser -- --scale`): a test on a
// busy machine cannot assert it. This one checks what the user sees, in order.
describe('a 10,000-request scenario opened by its share link', () => {
	it('simulates in the worker, says how far it is, then shows its first result', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const link = scenarioLink(scaledScenario(10_000));
		expect(link).not.toBeNull();
		await page.goto(`${lab.site.url}${link}`);
		const status = page.getByTestId('run-progress');
		await expect
			.poll(() => status.textContent())
			.toMatch(/^(Simulating…|Loading the run|Preparing)/);
		const outcome = page.getByTestId('outcome');
		await outcome.waitFor({ timeout: 600_000 });
		expect(await outcome.textContent()).toMatch(/Outcome: completed .* 10000\s+ok, 0 failed/);
		expect(await status.count()).toBe(0);
		// Every event is a step: the player knows the whole run.
		expect(
			Number(await page.getByRole('slider', { name: 'Step' }).getAttribute('max'))
		).toBeGreaterThan(100_000);
		expect(errors).toEqual([]);
	});
});
