import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sample from '../../src/sample-scenario.json';
import { encodeScenarioLink } from '../../src/url/scenario-link';
import { editorText, markedLines } from './code-editor';
import { collectErrors, useLab } from './harness';

const lab = useLab();
const SAMPLE = JSON.stringify(sample, null, 2);
const json = (page: Page) => page.getByLabel(/Scenario JSON/);
const markers = (page: Page) => page.locator('.cm-lint-marker-error');

/** Puts the caret after the first `chars` characters of line `n`'s text (a short line in view). */
async function caretAt(page: Page, n: number, chars: number) {
	await page
		.locator('.cm-line')
		.nth(n - 1)
		.click();
	await page.keyboard.press('End');
	await page.keyboard.press('Home'); // after the indent
	for (let i = 0; i < chars; i++) await page.keyboard.press('ArrowRight');
}

describe('the JSON editor', () => {
	it('marks a mistyped field at its line with the catalogued message and hint, and clears the mark once fixed', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?page=playground`);
		await expect.poll(() => editorText(json(page))).toBe(SAMPLE);
		expect(await markers(page).count()).toBe(0);

		// Line 12 is `"ms": 200,` of upload's first step: type `"mss"`.
		await caretAt(page, 12, 3);
		await page.keyboard.type('s');
		expect(await editorText(json(page))).toContain('"mss": 200');
		await expect.poll(() => markers(page).count()).toBe(2); // the unknown field, the missing ms
		expect(await markedLines(page)).toEqual([10, 12]);
		const onLine12 = markers(page).nth(1);
		expect(await json(page).getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('.cm-lintRange-error').first().textContent()).toBe('{');

		await onLine12.hover();
		const tooltip = page.locator('.cm-tooltip-lint');
		await expect
			.poll(() => tooltip.textContent())
			.toContain('E_UNKNOWN_FIELD — handlers.upload.steps[0].mss');
		expect(await tooltip.textContent()).toContain('unknown fields are not ignored');

		// Nothing is checked with axe until now: the page with a problem marked and its tooltip open.
		const axe = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

		await json(page).focus();
		await page.keyboard.press('Backspace');
		await expect.poll(() => markers(page).count()).toBe(0);
		expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
		expect(await editorText(json(page))).toBe(SAMPLE);
		expect(await json(page).getAttribute('aria-invalid')).toBe('false');
		expect(errors).toEqual([]);
	});

	it('puts the caret at a problem from the list, indents with Tab, undoes, and lets Escape then Tab leave', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?page=playground`);
		await json(page).fill(SAMPLE.replace('"ms": 200', '"ms": "fast"'));
		await page.getByRole('button', { name: 'line 12:11' }).click();
		const focused = () =>
			json(page).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
		expect(await focused()).toBe(true);

		await page.keyboard.press('Tab');
		expect((await editorText(json(page))).split('\n')[11]).toBe('            "ms": "fast",');
		await page.keyboard.press('Control+z');
		expect((await editorText(json(page))).split('\n')[11]).toBe('          "ms": "fast",');

		await page.keyboard.press('Escape');
		await page.keyboard.press('Tab');
		expect(await focused()).toBe(false);
		expect((await editorText(json(page))).split('\n')[11]).toBe('          "ms": "fast",');
	});

	it("undoes only what was typed in it: never another variant's text", async () => {
		const page = await lab.context.newPage();
		const b = SAMPLE.replace('"ms": 200', '"ms": 100');
		const link = (text: string) => encodeURIComponent(encodeScenarioLink(text));
		await page.goto(`${lab.site.url}?page=playground&s=${link(SAMPLE)}&b=${link(b)}`);
		await caretAt(page, 12, 9);
		await page.keyboard.type('0');
		expect(await editorText(json(page))).toContain('"ms": 2000');
		await page.getByRole('group', { name: 'Variant' }).getByRole('button').nth(1).click();
		await expect.poll(() => editorText(json(page))).toBe(b);
		await json(page).focus();
		await page.keyboard.press('Control+z');
		expect(await editorText(json(page))).toBe(b);
	});
});
