import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeScenarioLink } from '../../src/url/scenario-link';
import { serviceScenario } from '../views/service/service-scenario';
import { collectErrors, useLab } from './harness';
import { reachRealRun } from './real-section';

// A service of 2,000 requests in the playground: the stage draws the service (queues, latency,
// the loop's shares, the pool) instead of a lane and a table row per request, so the page stays
// as tall as it is for 100 requests and the run fits in three screens.
const lab = useLab();
const VIEWPORT = { width: 1366, height: 900 };

async function openService(page: Page, count: number) {
	await page.setViewportSize(VIEWPORT);
	const s = encodeURIComponent(encodeScenarioLink(serviceScenario(count)));
	await page.goto(`${lab.site.url}?page=playground&s=${s}`);
	await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('completed');
	// The service views load with their first large run: until then a note stands in for them.
	await page
		.getByRole('group', {
			name: new RegExp(`^Timeline of .*the service: ${count.toLocaleString('en')} requests`)
		})
		.waitFor();
}

/** What axe (WCAG 2.2 AA) finds wrong in the run's section. */
async function resultViolations(page: Page): Promise<string[]> {
	const axe = await new AxeBuilder({ page })
		.include('section.result')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return axe.violations.map((v) => `${v.id}: ${v.help}`);
}

/**
 * The page's and the run's heights, once every part loaded when idle (tools) or when near the
 * window (Run it for real: scrolled to, as a learner would) is in.
 */
const heights = async (page: Page) => {
	await reachRealRun(page);
	await expect
		.poll(() =>
			page
				.locator('section.result')
				.getByText(/^Loading/)
				.count()
		)
		.toBe(0);
	return page.evaluate(() => ({
		page: document.documentElement.scrollHeight,
		run: document.querySelector('section.result')?.getBoundingClientRect().height ?? Infinity
	}));
};

/** The heights once the panels that load when idle (the sweep, the distribution) are in. */
async function settledHeights(page: Page) {
	let last = await heights(page);
	for (;;) {
		await page.waitForTimeout(500);
		const now = await heights(page);
		if (now.page === last.page && now.run === last.run) return now;
		last = now;
	}
}

describe('the playground at the scale of a service', () => {
	it('draws 2,000 requests as named service views, three screens tall at most, the same height as 100', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await openService(page, 100);
		const small = await settledHeights(page);
		await openService(page, 2000);
		const large = await settledHeights(page);
		expect(large.run).toBeLessThan(3 * VIEWPORT.height);
		expect(Math.abs(large.page - small.page)).toBeLessThan(40);

		const service = page.getByRole('group', { name: /^Timeline of .*the service: 2,000 requests/ });
		await service.waitFor();
		for (const name of ['Queues', 'In flight', 'Latency', 'Loop', 'Lag', 'Pool']) {
			const view = service.getByRole('img', { name: new RegExp(`^${name} over time, 0 ms–`) });
			const describedBy = (await view.getAttribute('aria-describedby')) ?? '';
			expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/\d ms/);
		}
		const distribution = page.getByRole('img', { name: /^Latency distribution: / });
		expect(await distribution.getAttribute('aria-label')).toMatch(
			/^Latency distribution: 0 of 2,000/
		);
		await page.getByRole('region', { name: 'Lanes' }).waitFor();
		// Nothing per request is left in the page: no lane, no table row per request.
		expect(await page.locator('svg *').count()).toBeLessThan(500);
		expect(await page.locator('tr').count()).toBeLessThan(40);

		// Every panel follows the step: the cursor is in every name and every text alternative.
		await page.getByRole('slider', { name: 'Moment' }).fill('5000');
		await expect.poll(() => service.getAttribute('aria-label')).toContain('cursor at 5,000 ms');
		await expect
			.poll(() => distribution.getAttribute('aria-label'))
			.toMatch(/^Latency distribution: [1-9][\d,]* of 2,000 requests answered by 5,000 ms/);
		expect(
			await page.getByText(/^By 5,000 ms: [\d,]+ of 2,000 answered; p50 /).count()
		).toBeGreaterThan(0);

		const zoom = page.getByRole('group', { name: 'Zoom and pan the timeline' });
		const elements = () => page.evaluate(() => document.querySelectorAll('*').length);
		const before = await elements();
		await zoom.getByRole('button', { name: 'Zoom in' }).click();
		await expect.poll(() => service.getAttribute('aria-label')).not.toContain('showing 0 ms–');
		await zoom.getByRole('button', { name: 'Whole run' }).click();
		await expect.poll(() => service.getAttribute('aria-label')).toContain('showing 0 ms–');
		// Repainting the canvases leaves nothing behind in the page.
		expect(await elements()).toBe(before);

		expect(await resultViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('compares A and B as services: each panel twice, tagged A and B, on one axis and one scale', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.setViewportSize(VIEWPORT);
		const a = serviceScenario(300);
		// B offloads the report that A runs on the loop: the fix, compared with the bug.
		const fixed = JSON.parse(a) as { title: string; handlers: Record<string, unknown> };
		fixed.title += ' (offloaded)';
		fixed.handlers.report = { steps: [{ op: 'offload', ms: 15, work: 'block' }] };
		const link = (text: string) => encodeURIComponent(encodeScenarioLink(text));
		await page.goto(
			`${lab.site.url}?page=playground&compare=1#s=${link(a)}&b=${link(JSON.stringify(fixed))}`
		);
		await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('completed');

		const service = page.getByRole('group', {
			name: /^Timeline of A: A service: 300 requests and B: A service: 300 requests \(offloaded\), the services on one axis: 300 and 300 requests, showing 0 ms–/
		});
		await service.waitFor();
		expect(await page.getByText(/Too many requests/).count()).toBe(0);
		const words = async (name: string) => {
			const view = service.getByRole('img', { name: new RegExp(`^${name} over time, 0 ms–`) });
			return page.locator(`[id="${await view.getAttribute('aria-describedby')}"]`).textContent();
		};
		for (const name of ['Queues', 'In flight', 'Latency', 'Loop', 'Lag', 'Pool'])
			for (const tag of ['A', 'B'])
				expect(
					await service.getByRole('img', { name: new RegExp(`^${tag}: ${name} over`) }).count()
				).toBe(1);
		// The letters are text beside each row, not a colour.
		expect(await service.locator('.tag').allTextContents()).toEqual(
			['Queues', 'In flight', 'Latency', 'Loop', 'Lag', 'Pool'].flatMap(() => ['A', 'B'])
		);

		// At the end, B's loop never blocked and its worst lag is smaller: where B is better.
		const slider = page.getByRole('slider', { name: 'Moment' });
		await slider.fill((await slider.getAttribute('max'))!);
		await expect
			.poll(() => words('A: Loop'))
			.toMatch(/^A: A service: 300 requests\. .* blocked [1-9]\d*%/);
		expect(await words('B: Loop')).toMatch(/^B: .*\(offloaded\)\. .* blocked 0%/);
		const worst = async (tag: string) =>
			Number((await words(`${tag}: Lag`))?.match(/worst ([\d,]+) ms/)?.[1].replace(/,/g, ''));
		expect(await worst('B')).toBeLessThan(await worst('A'));

		// The lanes on demand are of one run at a time, picked by its label.
		const lanesOf = page.getByRole('combobox', { name: 'Lanes of' });
		expect(await lanesOf.locator('option').allTextContents()).toEqual([
			'A: A service: 300 requests',
			'B: A service: 300 requests (offloaded)'
		]);
		await lanesOf.selectOption({ index: 1 });
		expect(await resultViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('steps by meaning: the next blocked stretch, in plain words, and picks a lane and an event from their lists', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await openService(page, 2000);
		const by = page.getByRole('group', { name: 'Step the run by' });
		await by.getByRole('button', { name: 'Next blocked stretch' }).click();
		await expect
			.poll(() => page.getByTestId('narration').textContent())
			.toMatch(/the loop thread is blocked by [ar]\d+ \(.+\) until [\d,.]+ ms/);
		await by.getByRole('button', { name: 'Next arrival' }).click();
		await expect.poll(() => by.getByRole('status').textContent()).toMatch(/: [ar]\d+ arrives\.$/);

		await page.getByRole('textbox', { name: 'Go to a request' }).fill('a1000');
		await page.getByRole('button', { name: 'Go', exact: true }).click();
		await expect.poll(() => page.getByText(/^a1000 is row [\d,]+\.$/).count()).toBe(1);

		await page.getByText(/^Event list/).click();
		await page.getByRole('combobox', { name: 'Show' }).selectOption('warning');
		await page.getByRole('combobox', { name: 'Show' }).selectOption('completion');
		await page.getByRole('searchbox', { name: 'Find' }).fill('a1000 is');
		const list = page.getByRole('region', { name: /^Event list: 1 row$/ });
		await list.getByRole('button').click();
		await expect
			.poll(() => page.getByTestId('narration').textContent())
			.toMatch(/a1000 is answered, [\d,]+ ms after it arrived/);
		expect(errors).toEqual([]);
	});
});
