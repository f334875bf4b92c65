import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';

const lab = useLab();

const sweepSection = (page: Page) => page.getByRole('region', { name: 'Sweep', exact: true });
/** The table's rows as cell texts, once the sweep is over (Run sweep is back). */
async function tableRows(page: Page): Promise<string[][]> {
	const section = sweepSection(page);
	await section.getByRole('button', { name: 'Run sweep' }).waitFor();
	const details = section.locator('details.table');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
	const table = section.getByRole('table', { name: /^Sweep of / });
	return table
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);
}

/** The table's rows of a sweep a link started: it starts once the page settles, so wait for all. */
async function linkedRows(page: Page, count: number): Promise<string[][]> {
	await expect.poll(async () => (await tableRows(page)).length).toBe(count);
	return tableRows(page);
}

describe('the playground’s sweep', () => {
	it('sweeps the sample’s request count, draws three charts, and runs again after an edit', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?page=playground`);
		const section = sweepSection(page);
		await expect.poll(() => section.getByLabel('Parameter').inputValue()).toBe('requestCount');
		expect(await section.getByRole('spinbutton', { name: 'From' }).inputValue()).toBe('1');
		expect(await section.getByRole('spinbutton', { name: 'To' }).inputValue()).toBe('20');
		await section.getByRole('button', { name: 'Run sweep' }).click();

		// The sample blocks the loop for 200 ms per upload: one more call per request.
		const rows = await tableRows(page);
		expect(rows).toHaveLength(20);
		expect(rows[0]).toEqual(['1', '200', '150', '5', 'completed']);
		expect(rows[19]).toEqual(['20', '3,962', '3,950', '5', 'completed']);
		const charts = await section
			.getByRole('img')
			.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
		expect(charts).toEqual([
			'p99 latency against request count: 200 ms at 1, 3,962 ms at 20; highest 3,962 ms at 20',
			'Max loop lag against request count: 150 ms at 1, 3,950 ms at 20; highest 3,950 ms at 20',
			'Throughput against request count: 5 requests/s at 1, 5 requests/s at 20; highest 5 requests/s at 1'
		]);
		expect(await page.getByTestId('sweep-summary').textContent()).toContain(
			'It doubles by request count 3.'
		);

		// Half the work per upload: the sweep runs again by itself, once typing pauses.
		const duration = page.getByRole('group', { name: /upload step 1/ }).getByLabel('Duration (ms)');
		await duration.fill('100');
		await duration.press('Tab');
		await expect
			.poll(async () => (await tableRows(page))[19]?.slice(0, 2))
			.toEqual(['20', '1,962']);

		const axe = await new AxeBuilder({ page })
			.include('section.sweep')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('sweeps the share of blocking work in a step: the loop’s lag grows with the share', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?page=playground`);
		const section = sweepSection(page);
		await section.getByLabel('Parameter').selectOption('blockingShare');
		expect(await section.getByLabel('Step').inputValue()).toBe(
			'blockingShare:handlers.upload.steps[0]'
		);
		await section.getByRole('spinbutton', { name: 'Points' }).fill('3');
		await section.getByRole('button', { name: 'Run sweep' }).click();
		const rows = await tableRows(page);
		expect(rows.map((r) => r[0])).toEqual(['0', '0.5', '1']);
		const lags = rows.map((r) => Number(r[2].replace(/,/g, '')));
		expect(lags[0]).toBeLessThan(1);
		expect(lags[1]).toBeGreaterThan(lags[0]);
		expect(lags[2]).toBeGreaterThan(lags[1]);
		// All offloaded, the five uploads overlap on the pool: one call's time.
		expect(rows[0][1]).toBe('200');

		await section.getByRole('spinbutton', { name: 'To' }).fill('2');
		expect(await page.getByTestId('sweep-problems').textContent()).toContain(
			'To: expected a share of blocking work in handlers.upload.steps[0] from 0 to 1, found 2'
		);
		expect(await section.getByRole('button', { name: 'Run sweep' }).isDisabled()).toBe(true);
		expect(errors).toEqual([]);
	});

	it('keeps its settings in the address, so a share link reopens and runs the same sweep', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?page=playground`);
		const section = sweepSection(page);
		await section.getByLabel('Parameter').selectOption('workMs');
		await section.getByRole('spinbutton', { name: 'From, ms' }).fill('50');
		await section.getByRole('spinbutton', { name: 'To, ms' }).fill('200');
		await section.getByRole('spinbutton', { name: 'Points' }).fill('4');
		// Settings alone are not a sweep to share: the address takes them once one runs.
		expect(new URL(page.url()).searchParams.get('sweep')).toBeNull();
		await section.getByRole('button', { name: 'Run sweep' }).click();
		await expect
			.poll(() => new URL(page.url()).search)
			.toContain('sweep=workMs:handlers.upload.steps%5B0%5D&from=50&to=200&points=4');
		const rows = await tableRows(page);

		const other = await lab.context.newPage();
		await other.goto(page.url());
		const reopened = sweepSection(other);
		expect(await reopened.getByLabel('Step').inputValue()).toBe('workMs:handlers.upload.steps[0]');
		expect(await reopened.getByRole('spinbutton', { name: 'Points' }).inputValue()).toBe('4');
		expect(await linkedRows(other, 4)).toEqual(rows);
		expect(rows.map((r) => r[0])).toEqual(['50', '100', '150', '200']);
		expect(errors).toEqual([]);
	});

	it('says what is wrong with a link’s sweep and falls back to what the scenario has', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?page=playground&sweep=nonsense&points=x`);
		const notices = page.getByTestId('link-notice');
		await expect
			.poll(() => notices.allTextContents())
			.toEqual([
				'sweep="nonsense" is not a sweep parameter (requestCount:0, requestRate:0, poolSize, workMs:STEP or blockingShare:STEP); no sweep is run.',
				'points="x" is not a whole number; using the parameter\'s own.'
			]);
		expect(await sweepSection(page).getByRole('button', { name: 'Run sweep' }).count()).toBe(1);

		// A parameter the scenario lacks, and a range that does not fit the one it has.
		await page.goto(`${lab.site.url}?page=playground&sweep=requestCount:7&from=1&to=3&points=3`);
		const section = sweepSection(page);
		await expect
			.poll(() => section.getByRole('status').first().textContent())
			.toBe(
				'This link sweeps requestCount:7, which this scenario does not have; showing a sweep of request count from 1 to 20 in 20 points instead.'
			);
		await linkedRows(page, 20);

		await page.goto(
			`${lab.site.url}?page=playground&sweep=requestCount:0&from=1&to=200000&points=3`
		);
		await expect
			.poll(() => sweepSection(page).getByRole('status').first().textContent())
			.toMatch(
				/^This link’s sweep range does not fit request count .*To: expected .* found 200000\); sweeping 1 to 20 in 20 points instead\.$/
			);
		await linkedRows(page, 20);
		expect(errors).toEqual([]);
	});
});
