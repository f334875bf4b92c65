// `npm run bench:stage` (part of `npm run bench`): the lesson stage's wall-clock figures, which
// tests do not assert because a busy machine would fail them. Builds the site (not with
// `--no-build`), serves it and drives the end-to-end tests' Chromium; prints each figure with its
// target (`--strict`: exit 1 on a miss). Initial JS: what the first lesson's page fetches before
// its first step. Step change: one → on the main thread, at every step of every lesson. Play:
// each lesson plays for 10 s at 1× (skipping each prediction that holds play), and every
// animation frame's main-thread busy time counts, in wall time and, from a trace, in CPU time.
import type { BrowserContext, Page } from 'playwright-core';
import { listLessonFiles } from '../cli/lesson-files';
import { watchLongTasks } from '../test/e2e/long-tasks';
import { fetchedJs } from './fetched-js';
import { inBrowser } from './in-browser';
import { mainThreadTasks } from './main-thread';
import { median, report } from './report';
import { timeStepChange, watchFrames } from './stage-timing';

const PLAY_MS = 10_000;
const FRAME_TARGET_MS = 16;
const LONG_TASK_MS = 50;

// A CSS locator: polling by role computes every element's accessible name on the page's main
// thread (up to 20 ms a poll), which the play figures would count as the page's own frames.
const skipButton = (page: Page) => page.locator('[data-testid="prediction"] button.skip');
// Next says a prediction holds the step as soon as the step shows; the form itself loads with
// the first step that asks, so Skip is waited for once Next says so.
const held = (page: Page) => page.locator('button[title="Answer or skip the prediction first"]');

async function stepChanges(context: BrowserContext, url: string): Promise<void> {
	const times: number[] = [];
	const page = await context.newPage();
	for (const { slug } of listLessonFiles('lessons')) {
		await page.goto(`${url}?lesson=${slug}`);
		await page.getByTestId('narration').waitFor();
		const count = Number(await page.getByRole('slider', { name: 'Step' }).getAttribute('max'));
		for (let i = 1; i < count; i++) {
			// A prediction holds its step: skip it, so → moves on (it does nothing while held).
			if ((await held(page).count()) > 0) await skipButton(page).click();
			times.push(await page.evaluate(timeStepChange));
		}
		const reached = await page.getByTestId('step-counter').textContent();
		if (!reached?.trim().startsWith(`${count} /`)) throw new Error(`${slug} stopped at ${reached}`);
	}
	await page.close();
	const worst = Math.max(...times);
	report(
		'step change on the main thread, median of every lesson step',
		median(times),
		16,
		' ms',
		`worst ${worst.toFixed(1)} ms over ${times.length} steps`
	);
}

/** The same frames on a paused lesson page: what the machine's load alone costs a frame. */
async function idle(context: BrowserContext, url: string): Promise<void> {
	const page = await context.newPage();
	await page.goto(`${url}?lesson=${listLessonFiles('lessons')[0].slug}`);
	await page.getByTestId('narration').waitFor();
	const { busy } = await page.evaluate(watchFrames, PLAY_MS / 2);
	await page.close();
	const sorted = [...busy].sort((a, b) => a - b);
	console.log(
		`  baseline, a paused lesson page for ${PLAY_MS / 2000} s: longest frame ${sorted.at(-1)?.toFixed(1)} ms, median ${median(busy).toFixed(1)} ms, ${busy.filter((b) => b > FRAME_TARGET_MS).length} of ${busy.length} over ${FRAME_TARGET_MS} ms`
	);
}

/** Until `ms` have passed, skips each prediction that holds play, and plays on. */
async function skipPredictions(page: Page, ms: number): Promise<number> {
	const end = Date.now() + ms;
	const skip = skipButton(page);
	let skipped = 0;
	while (Date.now() < end - 500) {
		if ((await held(page).count()) > 0) {
			await skip.click();
			skipped++;
			await page.locator('button[aria-label="Play"]').click();
		}
		await page.waitForTimeout(250);
	}
	return skipped;
}

async function playing(context: BrowserContext, url: string): Promise<void> {
	const busy: number[] = [];
	const cpu: number[] = [];
	const per: string[] = [];
	const tasks: number[] = [];
	let gap = 0;
	for (const { slug } of listLessonFiles('lessons')) {
		const page = await context.newPage();
		await page.goto(`${url}?lesson=${slug}`);
		await page.getByTestId('narration').waitFor();
		const longTasks = await watchLongTasks(page);
		let frames = { busy: [] as number[], gaps: [] as number[] };
		let skipped = 0;
		const traced = await mainThreadTasks(context, page, async () => {
			await page.getByRole('button', { name: 'Play' }).click();
			[frames, skipped] = await Promise.all([
				page.evaluate(watchFrames, PLAY_MS),
				skipPredictions(page, PLAY_MS)
			]);
		});
		tasks.push(...(await longTasks()));
		const moved = await page.getByTestId('step-counter').textContent();
		await page.close();
		busy.push(...frames.busy);
		cpu.push(...traced.cpu);
		gap = Math.max(gap, ...frames.gaps);
		const over = frames.busy.filter((b) => b > FRAME_TARGET_MS).length;
		per.push(
			`${slug} ${Math.max(...frames.busy).toFixed(1)} ms (${over}/${frames.busy.length} over; CPU ${Math.max(0, ...traced.cpu).toFixed(1)} ms; at ${moved?.trim()}, ${skipped} predictions skipped)`
		);
	}
	const sorted = [...busy].sort((a, b) => a - b);
	report(
		`longest animation frame (main-thread busy, wall time) while playing each lesson ${PLAY_MS / 1000} s`,
		sorted.at(-1) ?? 0,
		FRAME_TARGET_MS,
		' ms',
		`median ${median(busy).toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(1)} ms, ${busy.filter((b) => b > FRAME_TARGET_MS).length} of ${busy.length} frames over; longest gap between frames ${gap.toFixed(0)} ms`
	);
	const cpuSorted = [...cpu].sort((a, b) => a - b);
	report(
		"longest main-thread task while playing, CPU time (the page alone: the machine's load left out)",
		cpuSorted.at(-1) ?? 0,
		FRAME_TARGET_MS,
		' ms',
		`${cpu.filter((c) => c > FRAME_TARGET_MS).length} of ${cpu.length} tasks over; p99 ${(cpuSorted[Math.floor(cpuSorted.length * 0.99)] ?? 0).toFixed(1)} ms`
	);
	for (const line of per) console.log(`  ${line}`);
	await idle(context, url);
	report(
		'main-thread tasks over 50 ms while playing',
		tasks.filter((d) => d > LONG_TASK_MS).length,
		0,
		'',
		`worst ${Math.max(0, ...tasks).toFixed(0)} ms`
	);
}

await inBrowser(async (context, url) => {
	// tsx names functions with a `__name` helper, which the probes carry into the page.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	const first = listLessonFiles('lessons')[0].slug;
	report(
		'JS a lesson page fetches before its first step, gzip',
		(await fetchedJs(context, `${url}?lesson=${first}`)).ready.kb,
		120,
		' KB'
	);
	await stepChanges(context, url);
	await playing(context, url);
});
