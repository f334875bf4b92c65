// `npm run bench` (after the engine bench): the wall-clock figures that tests do not assert,
// because a busy machine would fail them (the stage's own are in stage.bench.ts). Builds the
// site, serves it and drives the same Chromium as the end-to-end tests; prints each figure with
// its target. `--strict` exits 1 on a miss; `--scale` runs only the playground at scale (scale.ts).
import type { BrowserContext, Page } from 'playwright-core';
import { listLessonFiles, readLessonFiles } from '../cli/lesson-files';
import { inBrowser } from './in-browser';
import { reportPageJs } from './page-js';
import { median, report } from './report';
import { scale } from './scale';
import { LONG_BLOCK, playgroundUrl } from '../test/e2e/long-block';
import { watchLongTasks } from '../test/e2e/long-tasks';
import { reachRealRun } from '../test/e2e/real-section';

const LONG_TASK_MS = 50;

/** Runs the variant on show for real and returns the panel's agreement sentence. */
async function runForReal(page: Page): Promise<string> {
	await reachRealRun(page);
	await page.getByRole('button', { name: 'Run for real' }).click();
	return ((await page.getByTestId('agreement').textContent()) ?? '').replace(/\s+/g, ' ');
}

async function realRuns(context: BrowserContext, url: string): Promise<void> {
	const medians: number[] = [];
	const worsts: number[] = [];
	const page = await context.newPage();
	const longTasks = await (async () => {
		await page.goto(`${url}?lesson=blocking-vs-offloaded&variant=cpu`);
		await page.getByTestId('narration').waitFor();
		return watchLongTasks(page);
	})();
	await runForReal(page);
	const tasks = await longTasks();
	report(
		'main-thread tasks over 50 ms during a real run',
		tasks.filter((d) => d > LONG_TASK_MS).length,
		0,
		'',
		`worst ${Math.max(0, ...tasks).toFixed(0)} ms`
	);
	for (const { slug } of listLessonFiles('lessons')) {
		const lesson = await readLessonFiles('lessons', slug);
		if ('error' in lesson) throw new Error(lesson.error);
		for (const v of lesson.variants) {
			await page.goto(`${url}?lesson=${slug}&variant=${v.name}`);
			await reachRealRun(page);
			const button = page.getByRole('button', { name: 'Run for real' });
			// The real runtime's panel loads lazily: wait for one of its two faces.
			await button.or(page.getByText('shown as a simulation only')).waitFor();
			if ((await button.count()) === 0) continue;
			const text = await runForReal(page);
			const m = /median difference ([\d.]+) ms, worst ([\d.]+) ms/.exec(text);
			console.log(`  ${slug} / ${v.name}: ${text}`);
			if (!m) continue;
			medians.push(Number(m[1]));
			worsts.push(Number(m[2]));
		}
	}
	await page.close();
	report('real-run agreement, median of the variants’ medians', median(medians), 80, ' ms');
	report(
		'real-run agreement, worst of any request',
		Math.max(...worsts),
		80,
		' ms',
		`${worsts.length} variants run`
	);
}

async function stopLatency(context: BrowserContext, url: string): Promise<void> {
	const times: number[] = [];
	for (let i = 0; i < 3; i++) {
		const page = await context.newPage();
		await page.goto(playgroundUrl(url, LONG_BLOCK));
		await reachRealRun(page);
		await page.getByRole('button', { name: 'Run for real' }).click();
		await page.getByText('Running…').waitFor();
		await page.waitForTimeout(1000);
		const t0 = performance.now();
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByText('Stopped.').waitFor();
		times.push(performance.now() - t0);
		await page.close();
	}
	report(
		'Stop during a 60 s blocking call, worst of 3',
		Math.max(...times),
		500,
		' ms',
		times.map((t) => t.toFixed(0)).join(', ')
	);
}

await inBrowser(async (context, url) => {
	await scale(context, url);
	if (process.argv.includes('--scale')) return;
	await reportPageJs(context, url);
	await stopLatency(context, url);
	await realRuns(context, url);
});
