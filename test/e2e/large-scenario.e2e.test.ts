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

	it('draws panels that agree with the result: the service, the steps by meaning, the code and the tools', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.setViewportSize(VIEWPORT);
		await page.goto(`${lab.site.url}${scenarioLink(scaledScenario(10_000))}`);
		await page.getByTestId('outcome').waitFor({ timeout: 600_000 });
		await page
			.getByRole('group', { name: /^Timeline of .*the service: 10,000 requests/ })
			.waitFor();
		// At the end of the run every request is answered, as the outcome says.
		const moment = page.getByRole('slider', { name: 'Moment' });
		await moment.fill((await moment.getAttribute('max')) ?? '0');
		const distribution = page.getByRole('img', { name: /^Latency distribution: / });
		await expect
			.poll(() => distribution.getAttribute('aria-label'))
			.toMatch(/^Latency distribution: 10,000 of 10,000 requests answered by /);

		// From 0 ms, the next blocked stretch is a request's time.sleep: the code marks its
		// line and blockbuster's newest error names that request's call.
		await moment.fill('0');
		const by = page.getByRole('group', { name: 'Step the run by' });
		await by.getByRole('button', { name: 'Next blocked stretch' }).click();
		const narration = page.getByTestId('narration');
		await expect
			.poll(() => narration.textContent())
			.toMatch(/the loop thread is blocked by [ar]\d+ \(blocking call/);
		const blocker = /blocked by ([ar]\d+)/.exec((await narration.textContent()) ?? '')?.[1];
		const showCode = page.getByRole('button', { name: 'Show the code' });
		if ((await showCode.getAttribute('aria-pressed')) !== 'true') await showCode.click();
		await expect
			.poll(() => page.getByLabel('Python code of the handler').textContent())
			.toMatch(/current line:\s*time\.sleep\(0\.001\)/);
		await page.getByRole('heading', { name: 'What your tools would say', exact: true }).click();
		const newest = page
			.getByRole('list', { name: "blockbuster's errors" })
			.getByRole('listitem')
			.last();
		await expect
			.poll(() => newest.textContent())
			.toMatch(
				new RegExp(
					`, ${blocker}blockbuster\\.blockbuster\\.BlockingError: Blocking call to time\\.sleep$`
				)
			);
		await by.getByRole('button', { name: 'Next completion' }).click();
		await expect
			.poll(() => by.getByRole('status').textContent())
			.toMatch(/: [ar]\d+ is answered, after [\d.]+ ms\.$/);
		expect(errors).toEqual([]);
	});
});
