import { describe, expect, it } from 'vitest';
import { scaledScenario } from '../../bench/scale';
import { scenarioLink } from '../../src/url/playground-link';
import { collectErrors, useLab } from './harness';

const lab = useLab();
const VIEWPORT = { width: 1366, height: 768 };

// How long the page's tasks take is the bench's (`npm run bench:browser -- --scale`): a test on a
// busy machine cannot assert it. This one checks what the user sees, in order.
describe('a 10,000-request scenario opened by its share link', () => {
	it('simulates in the worker, says how far it is, then shows its first result', async () => {
		const page = await lab.context.newPage();
		await page.setViewportSize(VIEWPORT);
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

		// The page is three screens at most: the form starts closed, one line saying what it holds,
		// the loop and threads beside the service's timeline, the real run, the tools and the sweep
		// folded away.
		const form = page.locator('details.edit');
		expect(await form.locator('summary').textContent()).toBe(
			'Form, JSON and share: 10,000 requests to 1 handler (open to edit)'
		);
		await page
			.getByRole('group', { name: /^Timeline of .*the service: 10,000 requests/ })
			.waitFor();
		const height = () => page.evaluate(() => document.documentElement.scrollHeight);
		expect(await height()).toBeLessThan(3 * VIEWPORT.height);
		for (const name of ['Run it for real', 'What your tools would say', 'Sweep'])
			expect(await page.getByRole('heading', { name, exact: true }).isVisible()).toBe(true);
		// Opened, the form is all there, and what is typed in it is kept when it closes again.
		await form.locator('summary').click();
		const count = page.getByRole('group', { name: 'Arrivals 1' }).getByLabel('How many');
		await count.fill('9999');
		await form.locator('summary').click();
		await form.locator('summary').click();
		expect(await count.inputValue()).toBe('9999');
		expect(errors).toEqual([]);
	});
});
