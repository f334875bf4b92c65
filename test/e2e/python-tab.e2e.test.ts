import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeScenarioLink } from '../../src/url/scenario-link';
import { editorText, markedLines } from './code-editor';
import { collectErrors, useLab } from './harness';

// The playground's Python tab: the learner's own asyncio program on CPython (Pyodide, from the
// site itself) in the page's CPython worker. A cold start is seconds on a quiet machine and more
// on a busy one: nothing here bounds a duration.
const lab = useLab();

const editor = (page: Page) => page.getByLabel('Your asyncio program (main.py)');
const output = (page: Page) => page.getByTestId('python-output');
const run = (page: Page) => page.getByRole('button', { name: 'Run this Python' });
/** The run has ended: the button is back (it is disabled while CPython loads or runs). */
const ended = (page: Page) => expect.poll(() => run(page).isEnabled(), { timeout: 300_000 });

/** Replaces the editor's text by typing it (select all, then type), as a learner would. */
async function typeProgram(page: Page, code: string) {
	await editor(page).click();
	await page.keyboard.press('Control+a');
	await page.keyboard.press('Delete');
	// Auto-indent would add to the typed indentation: each line is typed from its own start.
	for (const [i, line] of code.split('\n').entries()) {
		if (i > 0) {
			await page.keyboard.press('Enter');
			await page.keyboard.press('Shift+Home');
			await page.keyboard.press('Delete');
		}
		await page.keyboard.insertText(line);
	}
}

const PROGRAM = `import asyncio, time

async def slow():
    time.sleep(0.25)
    print('slow done', time.perf_counter())

async def main():
    await asyncio.gather(asyncio.sleep(0.1), slow())
    print('main done', time.perf_counter())

asyncio.run(main())`;

const BAD = `import asyncio

async def main():
    await asyncio.sleep(0.05)
    return {}['missing']

asyncio.run(main())`;

describe('the Python tab', () => {
	it('opens a lesson snippet from its "Run this Python" link, and runs it', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?lesson=blocking-vs-offloaded`);
		await page.getByRole('link', { name: 'Run this Python' }).click();
		await editor(page).waitFor();
		expect(await editorText(editor(page))).toContain('async def upload_blocking():');
		await run(page).click();
		await ended(page);
		await expect
			.poll(() => output(page).textContent())
			.toMatch(/upload_blocking: r1 200 ms, r2 400 ms, r3 600 ms, r4 800 ms, r5 1000 ms/);
		// Offloaded, the five sleep in pool threads at once: each answered after about 200 ms.
		await expect
			.poll(() => output(page).textContent())
			.toMatch(/upload_offloaded: (r\d 20\d ms(, |$)){5}/m);
	});

	it('runs a typed program on CPython: its output, its run on the stage, a traceback, and Stop', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		// Offline: only the lab's own site answers (Pyodide's files included).
		const refused: string[] = [];
		await page.route('**/*', (route) => {
			if (route.request().url().startsWith(lab.site.url)) return route.continue();
			refused.push(route.request().url());
			return route.abort();
		});
		await page.goto(`${lab.site.url}?page=playground`);
		await page.getByRole('tab', { name: 'Python' }).click();
		// The sample is there to run at once.
		await expect.poll(async () => editorText(editor(page))).toContain('asyncio.run(main())');

		await typeProgram(page, PROGRAM);
		expect(await editorText(editor(page))).toBe(PROGRAM);
		await run(page).click();
		await page.getByTestId('python-progress').waitFor();
		await ended(page).toBe(true);
		expect(await page.getByTestId('python-failure').count()).toBe(0);
		// The blocking call held the loop: the 100 ms sleep could only end after it, at 250 ms.
		await expect.poll(() => output(page).textContent()).toContain('slow done 0.25');
		expect(await output(page).textContent()).toMatch(/main done 0\.25\d*/);
		expect(await page.getByTestId('python-outcome').textContent()).toContain(
			'On CPython: completed'
		);
		// The stage draws CPython's run of it, one event at a time, with a lane per coroutine.
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => page.locator('#loop-h').textContent()).toBe('The event loop');
		const timeline = page.getByRole('img', { name: /timeline/i }).first();
		await expect.poll(async () => (await timeline.textContent()) ?? '').toContain('slow');

		// A bad program: the traceback is an alert and its line is marked in the gutter.
		await typeProgram(page, BAD);
		await run(page).click();
		await ended(page).toBe(true);
		const alert = page.getByRole('alert').filter({ hasText: 'Traceback' });
		await alert.waitFor();
		expect(await alert.textContent()).toContain("KeyError: 'missing'");
		expect(await alert.textContent()).toContain('line 5');
		await expect.poll(() => markedLines(page)).toEqual([5]);

		// A program that never gives the loop back: Stop ends the worker, and says so.
		await typeProgram(page, "print('spinning')\nwhile True:\n    pass");
		await run(page).click();
		const stop = page.getByRole('button', { name: 'Stop' });
		await expect.poll(() => stop.isEnabled()).toBe(true);
		await expect.poll(() => output(page).textContent()).toContain('spinning');
		// It is still running a second later: nothing ends it but Stop.
		await page.waitForTimeout(1000);
		expect(await stop.isEnabled()).toBe(true);
		expect(await page.getByTestId('python-traceback').count()).toBe(0);
		await stop.click();
		const stopped = page.getByTestId('python-failure');
		await stopped.waitFor();
		expect(await stopped.textContent()).toContain('Stopped: the CPython worker was ended');
		expect(await stopped.getAttribute('role')).toBe('alert');
		expect(await run(page).isEnabled()).toBe(true);

		// The next run starts a fresh CPython and works.
		await typeProgram(page, "print('again')");
		await run(page).click();
		await ended(page).toBe(true);
		await expect.poll(() => output(page).textContent()).toContain('again');
		expect(refused).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('keeps the program in a share link and in this tab', async () => {
		const page = await lab.context.newPage();
		const code = "print('from a link')";
		await page.goto(`${lab.site.url}?page=playground&tab=python&py=${encodeScenarioLink(code)}`);
		await expect.poll(async () => editorText(editor(page))).toBe(code);
		await typeProgram(page, "print('edited')");
		// The URL carries the edited program (in its #fragment) once typing pauses.
		const py = (url: URL) => new URLSearchParams(url.hash.slice(1)).get('py');
		await expect.poll(() => py(new URL(page.url()))).toBe(encodeScenarioLink("print('edited')"));
		expect(new URL(page.url()).searchParams.get('tab')).toBe('python');
		// The tab's own Share field holds the same link.
		const shared = new URL(await page.getByTestId('python-share-link').inputValue());
		expect(py(shared)).toBe(encodeScenarioLink("print('edited')"));
		await page.goto(`${lab.site.url}?page=playground&tab=python`);
		await expect.poll(async () => editorText(editor(page))).toBe("print('edited')");
	});

	it('has no axe violations (WCAG 2.2 AA) with a run, its output and a traceback, light and dark, 1280 and 375 px', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?page=playground&tab=python&py=${encodeScenarioLink(BAD)}`);
		await run(page).click();
		await page.getByTestId('python-traceback').waitFor({ timeout: 300_000 });
		await page.getByRole('button', { name: 'Next step' }).click();
		for (const [scheme, width] of [
			['light', 1280],
			['dark', 375]
		] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize({ width, height: 900 });
			const axe = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
		}
	});
});
