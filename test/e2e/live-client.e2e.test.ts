import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';

const lab = useLab();

/** The latency table's rows as [request, latency text]: what has been answered so far. */
const latencies = (page: Page) =>
	page
		.getByRole('table', { name: /Latency per request/ })
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [
				r.querySelector('th')?.textContent ?? '',
				r.querySelector('td')?.textContent ?? ''
			])
		);
const answeredMs = (text: string) =>
	/^[\d,.]+ ms$/.test(text) ? parseFloat(text.replace(/,/g, '')) : null;
const narration = (page: Page) => page.getByTestId('narration').textContent();
const readout = (page: Page) => page.getByTestId('live-readout').textContent();

/** Five presses of R in one task: a burst at one virtual moment, whatever the machine's speed. */
const burst = (page: Page) =>
	page.evaluate(() => {
		for (let i = 0; i < 5; i++)
			document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
	});

/** Presses R and waits until that request (the n-th) is answered: a slow press, never queued. */
async function slowPress(page: Page, n: number) {
	await page.keyboard.press('r');
	await expect
		.poll(async () => (await latencies(page)).filter(([, t]) => answeredMs(t) !== null).length)
		.toBe(n);
}

describe('the reader as the client (lesson 3)', () => {
	it('slow presses are answered alone; a burst queues behind the blocking read, not behind to_thread', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(`${lab.site.url}?lesson=dev-server-vs-burst&step=2`);
		const send = page.getByRole('button', { name: 'Send a request' });
		expect(await send.getAttribute('aria-keyshortcuts')).toBe('R');
		expect(await page.locator('p.keys').first().textContent()).toMatch(/R\s+send a request/);

		await slowPress(page, 1);
		await slowPress(page, 2);
		await burst(page);
		await expect.poll(async () => (await latencies(page)).length).toBe(7);
		await expect
			.poll(async () => (await latencies(page)).every(([, t]) => answeredMs(t) !== null))
			.toBe(true);
		const rows = await latencies(page);
		expect(rows.map(([id]) => id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
		const ms = rows.map(([, t]) => answeredMs(t) as number);
		// The slow ones took one call each (virtual ms, so exact to a timer's lateness); in the
		// burst each waited for the ones before it.
		expect(Math.abs(ms[1] - ms[0])).toBeLessThan(5);
		expect(Math.abs(ms[2] - ms[0])).toBeLessThan(5);
		for (let i = 3; i < 7; i++) expect(ms[i]).toBeGreaterThan(ms[i - 1] + ms[0] / 2);
		expect(await readout(page)).toMatch(
			/^Your 7 answers: fastest [\d,]+ ms, slowest [\d,]+ ms; 4 waited for the loop, busy with the ones before \(longest: r7,/
		);
		await expect
			.poll(() => page.getByTestId('live-announce').textContent())
			.toMatch(/answered in [\d, and]+ ms\.$/);
		// The views draw the live run: the timeline's caption and one lane per request, in order.
		const timeline = page.getByRole('region', { name: 'Timeline' });
		expect(await timeline.locator('figcaption').first().textContent()).toBe(
			'Live: The blocking read (dev and app alike)'
		);
		const lanes = await timeline.locator('svg text.label').allTextContents();
		expect(lanes.filter((l) => /^r\d$/.test(l))).toEqual([
			'r1',
			'r2',
			'r3',
			'r4',
			'r5',
			'r6',
			'r7'
		]);

		// The same presses sent to the fix: the burst no longer queues.
		await page.getByRole('button', { name: 'The read with to_thread (fixed)' }).click();
		await expect.poll(() => readout(page)).toMatch(/none waited for the loop/);
		const fixed = (await latencies(page)).map(([, t]) => answeredMs(t) as number);
		expect(Math.max(...fixed) - Math.min(...fixed)).toBeLessThan(5);

		// Back to the lesson: the same step, and stepping works.
		await page.getByRole('button', { name: 'Back to the lesson' }).click();
		await expect.poll(() => narration(page)).toMatch(/^Step 2 of \d+/);
		expect(page.url()).toContain('step=2');
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => narration(page)).toMatch(/^Step 3 of \d+/);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('a step key or Restart leaves live mode for the lesson; R typed in a menu sends nothing', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?lesson=dev-server-vs-burst&step=2`);
		await page.getByRole('combobox', { name: 'Speed' }).focus();
		await page.keyboard.press('r');
		const live = page.getByRole('group', { name: 'You are the client' });
		expect(await live.getByRole('button', { name: 'Stop' }).count()).toBe(0);
		await page.getByRole('button', { name: 'Send a request' }).click();
		await expect.poll(() => narration(page)).toMatch(/^Live: you are the client/);
		await live.getByRole('button', { name: 'Stop' }).click();
		expect(await live.getByRole('button', { name: 'Go on' }).count()).toBe(1);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => narration(page)).toMatch(/^Step 3 of \d+/);
		expect(await live.getByRole('button', { name: 'Go on' }).count()).toBe(0);
		// Restart at the first step changes no step, and still brings the lesson back.
		await page.keyboard.press('Home');
		await live.getByRole('button', { name: 'Send a request' }).click();
		await expect.poll(() => narration(page)).toMatch(/^Live: /);
		await page.getByRole('button', { name: 'Restart' }).click();
		await expect.poll(() => narration(page)).toMatch(/^Step 1 of \d+/);
		await page.close();
	});

	for (const scheme of ['light', 'dark'] as const)
		it(`passes axe in live mode at 375 px (${scheme}), the controls named and nothing wider than the phone`, async () => {
			const page = await lab.context.newPage();
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize({ width: 375, height: 800 });
			await page.goto(`${lab.site.url}?lesson=restaurant`);
			await page.getByRole('button', { name: 'Send a request' }).click();
			await page.getByRole('button', { name: 'Send a request' }).click();
			const group = page.getByRole('group', { name: 'You are the client' });
			for (const name of ['Send a request', 'Stop', 'Start over', 'Back to the lesson'])
				expect(await group.getByRole('button', { name }).count()).toBe(1);
			// One answer or both, by when the poll reads it (the machine's load decides).
			await expect.poll(() => readout(page)).toMatch(/^Your (first answer|2 answers): /);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				375
			);
			await page.screenshot({ path: `test-results/live-client-375-${scheme}.png` });
			const axe = await new AxeBuilder({ page })
				.include('[data-testid="stage-bar"]')
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
			await page.close();
		});
});
