// `npm run bench` (after the browser bench, which builds the site): exact mode in Chromium. The
// cold start of Run on CPython (worker, download, compile, start, first run), what it downloads,
// a warm run, and main-thread long tasks meanwhile (all of CPython runs in its worker).
import type { BrowserContext } from 'playwright-core';
import { watchLongTasks } from '../test/e2e/long-tasks';
import { inBrowser } from './in-browser';
import { median, report } from './report';
import { reachRealRun } from '../test/e2e/real-section';

const LONG_TASK_MS = 50;

async function exactMode(context: BrowserContext, url: string): Promise<void> {
	const page = await context.newPage();
	const bytes = new Map<string, number>();
	page.on('response', (r) => {
		if (!/\/pyodide\/|cpython\.worker/.test(r.url())) return;
		r.body().then(
			(b) => bytes.set(r.url().split('/').pop() ?? r.url(), b.length),
			() => {}
		);
	});
	await page.goto(`${url}?lesson=blocking-vs-offloaded`);
	await reachRealRun(page);
	const run = page.getByRole('button', { name: 'Run on CPython' });
	await run.waitFor();
	const longTasks = await watchLongTasks(page);
	const done = page.getByTestId('exact-run').or(page.getByTestId('exact-failure'));
	const t0 = performance.now();
	await run.click();
	await done.waitFor({ timeout: 300_000 });
	const cold = performance.now() - t0;
	const failed = await page.getByTestId('exact-failure').count();
	if (failed) console.log(`  ${await page.getByTestId('exact-failure').textContent()}`);
	report('exact mode cold start (click to first CPython result)', cold, 10_000, ' ms');
	const tasks = await longTasks();
	report(
		'main-thread tasks over 50 ms during the cold start',
		tasks.filter((d) => d > LONG_TASK_MS).length,
		0,
		'',
		`worst ${Math.max(0, ...tasks).toFixed(0)} ms`
	);
	await page.waitForTimeout(500);
	const total = [...bytes.values()].reduce((a, b) => a + b, 0);
	report(
		'exact mode download (raw bytes of Pyodide and the worker)',
		total / 1e6,
		14,
		' MB',
		[...bytes].map(([n, b]) => `${n} ${(b / 1e6).toFixed(2)}`).join(', ')
	);
	const warm: number[] = [];
	const again = page.getByRole('button', { name: 'Run on CPython again' });
	for (let i = 0; i < 5; i++) {
		const t = performance.now();
		await again.click();
		await again.waitFor({ state: 'visible' });
		await page.waitForFunction(
			() => !document.querySelector('[data-testid=exact-progress]'),
			undefined,
			{ timeout: 60_000 }
		);
		warm.push(performance.now() - t);
	}
	report(
		'exact mode warm run of a lesson variant (click to result), median of 5',
		median(warm),
		500,
		' ms',
		warm.map((t) => t.toFixed(0)).join(', ')
	);
	await page.close();
}

await inBrowser(exactMode);
