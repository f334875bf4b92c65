import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';

const lab = useLab();

/** The items of one tool's output list in the "What your tools would say" panel. */
const toolLines = (page: Page, list: string) =>
	page
		.getByRole('region', { name: 'What your tools would say' })
		.getByRole('list', { name: list })
		.getByRole('listitem')
		.allTextContents();

describe('the "What your tools would say" panel', () => {
	// Step 1 of each lesson is its blocking variant (time-sleep, long-blocks); `t` scrubs to a moment.
	it("shows blockbuster's BlockingError for each time.sleep by the end of lesson 2's time-sleep", async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?lesson=blocking-vs-offloaded&step=1&t=1000`);
		await expect
			.poll(() => toolLines(page, "blockbuster's errors"))
			.toEqual(
				[0, 200, 400, 600, 800].map(
					(t, i) =>
						`${t} ms, r${i + 1}blockbuster.blockbuster.BlockingError: Blocking call to time.sleep`
				)
			);
		// Debug mode is off in this scenario: the panel says so and what it would print.
		const panel = page.getByRole('region', { name: 'What your tools would say' });
		await expect.poll(() => panel.textContent()).toContain('Debug mode is off in this scenario');
		expect(errors).toEqual([]);
		await page.close();
	});

	it("shows lesson 8's slow-callback WARNING, and passes axe at 375 px", async () => {
		const page = await lab.context.newPage();
		await page.setViewportSize({ width: 375, height: 740 });
		await page.goto(`${lab.site.url}?lesson=catching-a-blocked-loop&step=1&t=250`);
		await expect
			.poll(() => toolLines(page, "asyncio debug mode's log"))
			.toEqual([
				expect.stringMatching(
					/^200 msWARNING:asyncio:Executing <Task finished name='Task-4' .* took 0\.200 seconds$/
				)
			]);
		const panel = page.getByRole('region', { name: 'What your tools would say' });
		for (const tool of ['asyncio debug mode', 'The lag monitor', 'blockbuster'])
			expect(await panel.getByRole('heading', { name: tool, level: 3 }).count()).toBe(1);
		// Nothing in the panel is wider than the phone.
		expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
		const axe = await new AxeBuilder({ page })
			.include('section[aria-labelledby="tools-h"]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.close();
	});
});
