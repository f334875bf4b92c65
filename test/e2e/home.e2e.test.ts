import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, openBrowser, startPreview } from './harness';

let site: Awaited<ReturnType<typeof startPreview>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
	site = await startPreview();
	browser = await openBrowser();
	context = browser.context;
	mkdirSync('test-results', { recursive: true });
});

// Pages left open keep animating in the same renderer and skew the long-task checks.
afterEach(async () => {
	await Promise.all(browser.context.pages().map((p) => p.close()));
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

describe('the first page', () => {
	it('simulates the sample scenario and shows the serial completions and the timeline', async () => {
		const page = await context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${site.url}?page=run`);
		await page.getByRole('button', { name: 'Simulate' }).click();
		await expect
			.poll(() => page.getByTestId('outcome').textContent())
			.toContain('completed at 1000 ms');
		const ended = await page.locator('tbody tr td:nth-child(4)').allTextContents();
		expect(ended).toEqual(['200', '400', '600', '800', '1000']);
		// The browser's run is byte-identical to the golden timeline Node produced.
		const golden = readFileSync('test/golden/f04-burst-sleep-blocking.timeline.txt', 'utf8');
		expect(await page.getByTestId('timeline').textContent()).toBe(golden);
		await page.screenshot({ path: 'test-results/home-result.png', fullPage: true });
		expect(errors).toEqual([]);
	});

	it('names the field path and line of each problem in an invalid scenario', async () => {
		const page = await context.newPage();
		await page.goto(`${site.url}?page=run`);
		const text = await page.getByLabel(/Scenario JSON/).inputValue();
		await page.getByLabel(/Scenario JSON/).fill(text.replace('"ms": 200', '"ms": "fast"'));
		await page.getByRole('button', { name: 'Simulate' }).click();
		const list = page.getByTestId('errors');
		await expect.poll(() => list.textContent()).toContain('handlers.upload.steps[0].ms');
		expect(await list.textContent()).toMatch(/line \d+:\d+/);
		expect(await list.textContent()).toContain('expected a finite number, found "fast"');
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [1280, 375]) {
			it(`has no axe violations (WCAG 2.2 AA) in ${scheme} at ${width} px`, async () => {
				const page = await context.newPage();
				await page.setViewportSize({ width, height: 900 });
				await page.emulateMedia({ colorScheme: scheme });
				await page.goto(`${site.url}?page=run`);
				await page.getByRole('button', { name: 'Simulate' }).click();
				await page.getByTestId('timeline').waitFor();
				const axe = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
					.analyze();
				expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
				await page.screenshot({ path: `test-results/home-${scheme}-${width}.png` });
			});
		}
	}
});
