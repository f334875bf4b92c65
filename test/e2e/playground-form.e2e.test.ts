import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sample from '../../src/sample-scenario.json';
import { MAX_LINK, encodeScenarioLink } from '../../src/url/scenario-link';
import { editorText } from './code-editor';
import { collectErrors, useLab } from './harness';

const lab = useLab();

const SAMPLE = JSON.stringify(sample, null, 2);
const json = (page: Page) => page.getByLabel(/Scenario JSON/);
const doc = async (page: Page) => JSON.parse(await editorText(json(page)));
const outcome = (page: Page) => page.getByTestId('outcome').textContent();
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return el
			? `${el.tagName.toLowerCase()} ${el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent}`
			: '';
	});
const step = (page: Page, name: RegExp) => page.getByRole('group', { name });
const open = async (page: Page, link = `${lab.site.url}?page=playground`) => {
	const response = await page.goto(link);
	await expect.poll(() => outcome(page)).toContain('completed');
	return response;
};

describe('the playground form keeps what you type', () => {
	it('renaming a handler keeps its editor: the code box clicked next keeps the focus and every key', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page);
		const handler = page.getByRole('group', { name: /^Handler upload/ });
		await handler.getByLabel('Name').fill('send');
		// The click that leaves the name field renames the handler; the editor stays the same one.
		await handler.getByLabel(/Python shown beside the run/).click();
		await page.keyboard.press('Control+End');
		await page.keyboard.type('\n# typed after the rename');
		expect(await focused(page)).toBe('textarea Python shown beside the run (optional)');
		await expect
			.poll(async () => (await doc(page)).handlers.send?.code)
			.toBe(`${sample.handlers.upload.code}\n# typed after the rename`);
		const renamed = await doc(page);
		expect(Object.keys(renamed.handlers)).toEqual(['send']);
		expect(renamed.arrivals[0].handler).toBe('send');
		expect(
			await page
				.getByRole('group', { name: /^Handler send/ })
				.getByLabel('Name')
				.inputValue()
		).toBe('send');
		expect(errors).toEqual([]);
	});

	it("changing a step's kind keeps its duration: block 200 ms becomes offload 200 ms", async () => {
		const page = await lab.context.newPage();
		await open(page);
		await step(page, /upload step 1/)
			.getByLabel('Kind of step')
			.selectOption('offload');
		await expect.poll(async () => (await doc(page)).handlers.upload.steps[0].op).toBe('offload');
		expect((await doc(page)).handlers.upload.steps[0]).toEqual({
			op: 'offload',
			ms: 200,
			work: 'block',
			noThread: 'raise',
			line: 2
		});
		expect(
			await step(page, /upload step 1/)
				.getByLabel('Duration (ms)')
				.inputValue()
		).toBe('200');
		await step(page, /upload step 1/)
			.getByLabel('Kind of step')
			.selectOption('cpu');
		await expect
			.poll(async () => (await doc(page)).handlers.upload.steps[0])
			.toEqual({
				op: 'cpu',
				ms: 200,
				line: 2
			});
	});

	it('a number applies as you type, once typing pauses, without leaving the field', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page);
		await expect.poll(() => outcome(page)).toContain('completed at 1000 ms');
		const duration = step(page, /upload step 1/).getByLabel('Duration (ms)');
		await duration.click();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('30');
		await expect.poll(async () => (await doc(page)).handlers.upload.steps[0].ms).toBe(30);
		await expect.poll(() => outcome(page)).toContain('completed at 15');
		expect(await focused(page)).toBe('input Duration (ms)');

		// A half-typed number ("-" on the way to "-5") is never written, nor wiped from the field.
		await page.keyboard.press('Control+A');
		await page.keyboard.type('-');
		await page.waitForTimeout(1000);
		expect((await doc(page)).handlers.upload.steps[0].ms).toBe(30);
		await page.keyboard.type('5');
		await expect.poll(async () => (await doc(page)).handlers.upload.steps[0].ms).toBe(-5);
		expect(await duration.inputValue()).toBe('-5');
		await expect.poll(() => duration.getAttribute('aria-invalid')).toBe('true');
		// A text that is no number, left behind, shows what the JSON still has.
		await page.keyboard.type('e');
		await page.keyboard.press('Tab');
		expect(await duration.inputValue()).toBe('-5');
		expect(errors).toEqual([]);
	});

	it('a moved step keeps its fields and the focus on its button', async () => {
		const page = await lab.context.newPage();
		await open(page);
		await page.getByRole('button', { name: 'Add a step to handler upload' }).click();
		const added = step(page, /upload step 2/);
		await added.getByLabel('Label').fill('added');
		await page.getByRole('button', { name: 'Move upload step 2 up' }).click();
		await expect.poll(async () => (await doc(page)).handlers.upload.steps[0].label).toBe('added');
		expect(
			await step(page, /upload step 1/)
				.getByLabel('Label')
				.inputValue()
		).toBe('added');
		// At the top, Up is disabled: the focus moves to the same step's Down.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
			'Move upload step 1 down'
		);
	});

	it('variant B starts as a copy, titled as one, so A and B are told apart', async () => {
		const page = await lab.context.newPage();
		await open(page);
		await page.getByRole('button', { name: 'Duplicate as variant B' }).click();
		await expect.poll(async () => (await doc(page)).title).toBe(`${sample.title} (copy)`);
		expect(await editorText(json(page))).toBe(
			SAMPLE.replace(`"title": "${sample.title}"`, `"title": "${sample.title} (copy)"`)
		);
		expect(await page.locator('#editor-h').textContent()).toBe(
			`Scenario B: ${sample.title} (copy)`
		);
		const variant = (name: string) =>
			page.getByRole('group', { name: 'Variant' }).getByRole('button', { name, exact: true });
		await expect.poll(() => variant(`B: ${sample.title} (copy)`).count()).toBe(1);
		expect(await variant(`A: ${sample.title}`).count()).toBe(1);
		expect(await page.locator('figure figcaption').allTextContents()).toEqual([
			`A: ${sample.title}`,
			`B: ${sample.title} (copy)`
		]);
	});
});

/**
 * A valid scenario whose link is `length` characters long or a little more: the sample plus
 * handlers whose code (at most 20,000 characters each) is random, which does not compress.
 */
function longScenario(length: number): { text: string; link: string } {
	const make = (n: number) => {
		let seed = 7;
		const random = () =>
			Array.from({ length: n }, () => {
				seed = (seed * 48271) % 2147483647;
				return String.fromCharCode(33 + (seed % 90));
			}).join('');
		const notes = Object.fromEntries(
			Array.from({ length: 6 }, (_, i) => [
				`notes${i + 1}`,
				{ code: random(), steps: [{ op: 'cpu', ms: 1 }] }
			])
		);
		const text = JSON.stringify({ ...sample, handlers: { ...sample.handlers, ...notes } }, null, 2);
		const s = encodeURIComponent(encodeScenarioLink(text));
		return { text, link: `${lab.site.url}?page=playground#s=${s}` };
	};
	let n = 5000;
	while (make(n).link.length < length) n += 500;
	while (make(n - 10).link.length >= length) n -= 10;
	return make(n);
}

describe('share links that no server refuses', () => {
	it('opens a 100,000-character link: the scenario travels in the #fragment, which no server sees', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const { text, link } = longScenario(100_000);
		expect(link.length).toBeGreaterThanOrEqual(100_000);
		const value = new URLSearchParams(new URL(link).hash.slice(1)).get('s')!;
		expect(value.length).toBeLessThanOrEqual(MAX_LINK);
		// The same scenario in the query, as links were written before, is refused by the server.
		const old = await lab.context.request.get(link.replace('#s=', '&s='));
		expect(old.status()).toBe(431);

		expect((await open(page, link))?.status()).toBe(200);
		expect(await editorText(json(page))).toBe(text);
		expect(await page.getByTestId('link-notice').count()).toBe(0);
		// The address keeps it there while the page is used.
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => new URL(page.url()).search).toBe('?page=playground&step=2');
		expect(new URL(page.url()).hash).toBe(new URL(link).hash);
		expect(errors).toEqual([]);
	});

	it('still opens an old ?s= link (A, B and the rest), and writes the address the new way', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const b = SAMPLE.replace('"ms": 200', '"ms": 100');
		const s = (text: string) => encodeURIComponent(encodeScenarioLink(text));
		await open(
			page,
			`${lab.site.url}?page=playground&s=${s(SAMPLE)}&b=${s(b)}&variant=b&compare=1&step=3`
		);
		expect(await editorText(json(page))).toBe(b);
		expect(await page.locator('figure').count()).toBe(2);
		expect(await page.getByTestId('narration').textContent()).toContain('Event 2 of');
		await expect
			.poll(() => new URL(page.url()).search)
			.toBe('?page=playground&step=3&variant=b&compare=1');
		expect(new URL(page.url()).hash).toBe(`#s=${s(SAMPLE)}&b=${s(b)}`);
		expect(await page.getByTestId('share-link').inputValue()).toBe(page.url());
		expect(errors).toEqual([]);
	});

	it('opens a link pasted over its own address (only the #fragment differs), and an anchor keeps the scenario', async () => {
		const page = await lab.context.newPage();
		await open(page);
		await page.getByRole('link', { name: 'Go to the run' }).click();
		await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=/);
		const other = SAMPLE.replace('"count": 5', '"count": 2');
		await page.goto(
			`${lab.site.url}?page=playground#s=${encodeURIComponent(encodeScenarioLink(other))}`
		);
		await expect.poll(() => editorText(json(page))).toBe(other);
		await expect.poll(() => outcome(page)).toContain('Requests: 2');
	});

	it("opens the lesson's Open in playground link, both variants", async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?lesson=blocking-vs-offloaded`);
		const link = page.getByRole('link', { name: 'Open in playground' });
		// The link's compressor loads when the page is idle; a click before that is answered too.
		await expect
			.poll(() => link.getAttribute('href'))
			.toMatch(/^\?page=playground#s=[^&]+&b=[^&]+$/);
		await link.click();
		await expect.poll(() => outcome(page)).toContain('completed');
		expect(await page.locator('figure').count()).toBeGreaterThan(0);
		const variants = page.getByRole('group', { name: 'Variant' });
		expect(await variants.getByRole('button', { name: /^B: / }).count()).toBe(1);
	});
});
