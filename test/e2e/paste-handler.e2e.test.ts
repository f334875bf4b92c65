import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editorText, markedLines } from './code-editor';
import { collectErrors, useLab } from './harness';

// The second site sends a strict policy: no inline script or style, no eval.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
const lab = useLab([{}, { headers: { 'Content-Security-Policy': CSP } }]);

const HANDLER = `@app.get("/slow")
async def slow():
    time.sleep(0.2)
    await asyncio.sleep(0.1)
    return legacy.lookup()`;

/** The code view's marked line, without its screen-reader prefix. */
const currentLine = (page: Page) =>
	page
		.getByLabel('Python code of the handler')
		.locator('.current')
		.evaluate((el) => (el.textContent ?? '').replace('current line: ', ''));

async function openPaste(
	page: Page,
	width = 1280,
	scheme: 'light' | 'dark' = 'light',
	site = lab.site
) {
	await page.setViewportSize({ width, height: 900 });
	await page.emulateMedia({ colorScheme: scheme });
	await page.goto(`${site.url}?page=playground`);
	await page.getByText('Paste your handler').click();
	await page.getByLabel('Your handler (Python)').fill(HANDLER);
}

describe('Paste your handler', () => {
	it('reads a pasted handler into steps, puts it into the scenario, and the run marks its lines', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await openPaste(page);
		const steps = page.getByRole('list', { name: 'Steps of slow()' });
		await expect
			.poll(() => steps.getByRole('listitem').allTextContents())
			.toEqual([
				expect.stringMatching(/line 3\s*time\.sleep\(0\.2\)\s*blocks the loop/),
				expect.stringMatching(/line 4\s*asyncio\.sleep\(0\.1\)\s*awaits a timer/)
			]);
		expect(await page.getByTestId('paste-unrecognised').textContent()).toContain(
			'not recognised: legacy.lookup() on line 5'
		);
		const sleep = page.getByRole('spinbutton', { name: 'time.sleep(0.2), line 3, ms' });
		expect(await sleep.inputValue()).toBe('200');
		await sleep.fill('300');
		await page.getByRole('spinbutton', { name: 'Requests' }).fill('3');
		await page.getByRole('button', { name: 'Put into scenario A' }).click();
		await expect
			.poll(() => page.getByTestId('outcome').textContent())
			.toMatch(/completed at 1000\.3 ms\. Requests: 3\s+ok/);
		const json = JSON.parse(await editorText(page.getByLabel(/Scenario JSON/)));
		expect(Object.keys(json.handlers)[0]).toBe('slow');
		expect(json.handlers.slow.steps).toEqual([
			{ op: 'block', ms: 300, line: 3, label: 'time.sleep(0.2)' },
			{ op: 'sleep', ms: 100, line: 4, label: 'asyncio.sleep(0.1)' }
		]);
		// r1 to r3 block the loop in turn (0–900 ms), then r3 sleeps: the code view follows.
		const moment = page.getByRole('slider', { name: 'Moment' });
		await moment.fill('100');
		await expect.poll(() => currentLine(page)).toContain('time.sleep(0.2)');
		await moment.fill('950');
		await expect.poll(() => currentLine(page)).toContain('await asyncio.sleep(0.1)');
		await page.getByRole('button', { name: 'Restart' }).click();
		for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => currentLine(page)).toContain('time.sleep(0.2)');
		expect(errors).toEqual([]);
	});

	it('says what is wrong with a paste, and where', async () => {
		const page = await lab.context.newPage();
		await openPaste(page);
		const code = page.getByLabel('Your handler (Python)');
		await code.fill('async def a():\n    pass\n\nasync def b():\n    pass');
		await expect
			.poll(() => page.getByTestId('paste-problem').textContent())
			.toMatch(/Line 4: Paste one handler at a time: found 2 functions/);
		// The box is the project's CodeMirror editor: Python highlighted, the problem at its line.
		expect(await editorText(code)).toBe('async def a():\n    pass\n\nasync def b():\n    pass');
		await expect.poll(() => code.locator('span').count()).toBeGreaterThan(0);
		await expect.poll(() => markedLines(page)).toEqual([4]);
		expect(await code.getAttribute('aria-invalid')).toBe('true');
		await code.fill('async def a(:\n    pass');
		await expect
			.poll(() => page.getByTestId('paste-problem').textContent())
			.toMatch(/syntax error on line 1/);
		expect(await page.getByRole('button', { name: /Put into scenario/ }).count()).toBe(0);
	});

	it('works under a strict Content-Security-Policy', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await openPaste(page, 1280, 'light', lab.sites[1]);
		await page.getByRole('button', { name: 'Put into scenario A' }).click();
		await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('Requests: 5');
		expect(errors).toEqual([]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [1280, 375]) {
			it(`has no axe violations (WCAG 2.2 AA) in ${scheme} at ${width} px`, async () => {
				const page = await lab.context.newPage();
				await openPaste(page, width, scheme);
				await page.getByRole('list', { name: 'Steps of slow()' }).waitFor();
				const axe = await new AxeBuilder({ page })
					.include('details')
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
					.analyze();
				expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
			});
		}
	}
});
