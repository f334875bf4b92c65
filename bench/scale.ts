// The playground at the scale of a real service (issue 15): a scenario of 100 / 2,000 / 10,000
// requests opened by its share link, as `npm run bench` (browser.bench.ts) prints it. Wall-clock
// figures, so they live here and not in tests.
import type { BrowserContext, ElementHandle } from 'playwright-core';
import sample from '../src/sample-scenario.json';
import { scenarioLink } from '../src/url/playground-link';
import { median, report } from './report';

export const SCALE_SIZES = [100, 2_000, 10_000];

/** The playground's sample with `count` uploads, each a 1 ms time.sleep, arriving every 2 ms. */
export function scaledScenario(count: number): string {
	const doc = structuredClone(sample);
	doc.arrivals[0].count = count;
	doc.title = `${count} uploads, time.sleep(0.001) in async def`;
	doc.handlers.upload.steps[0].ms = 1;
	doc.handlers.upload.code = doc.handlers.upload.code.replace('0.2', '0.001');
	doc.limitMs = Math.max(doc.limitMs, 4 * count);
	return JSON.stringify(doc, null, 2);
}

/**
 * Collects every main-thread long task from the page's start (wall time, ms), when the run's
 * progress first shows (the page has drawn itself and the worker simulates) and when its outcome
 * first shows (the task that draws the run ends then): the tasks between are the loading.
 */
const LONG_TASKS = `
	window.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	new MutationObserver((_, observer) => {
		if (!window.__loadingAt && document.querySelector('[data-testid=run-progress]'))
			window.__loadingAt = performance.now();
		if (!document.querySelector('[data-testid=outcome]')) return;
		window.__shownAt = performance.now();
		observer.disconnect();
	}).observe(document, { childList: true, subtree: true });
`;

/** Sets the Moment slider and measures the main thread's work for it, as a step change is. */
function timeMoment(slider: HTMLInputElement, value: string): Promise<number> {
	return new Promise((resolve) => {
		const start = performance.now();
		slider.value = value;
		slider.dispatchEvent(new Event('input', { bubbles: true }));
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			void document.body.offsetHeight;
			resolve(performance.now() - start);
		};
		channel.port2.postMessage(null);
	});
}

interface Figures {
	firstMs: number;
	/** The page drawing itself (a small scenario simulates in it too). */
	worstStartMs: number;
	/** Between: the worker simulates, the page takes the run and prepares its frames. */
	worstLoadingMs: number;
	/** Any task up to the first result and its service views drawn, the tasks drawing them included. */
	worstTaskMs: number;
	momentMs: number;
	heapMb: number;
	svgNodes: number;
}

async function openScaled(context: BrowserContext, url: string, count: number): Promise<Figures> {
	const page = await context.newPage();
	await page.addInitScript({ content: LONG_TASKS });
	const link = scenarioLink(scaledScenario(count));
	if (link === null) throw new Error(`the ${count}-request scenario does not fit a link`);
	const t0 = Date.now();
	await page.goto(`${url}${link}`);
	await page.getByTestId('outcome').waitFor({ timeout: 600_000 });
	const firstMs = Date.now() - t0;
	// The service views draw in the tasks after the first result: they count too.
	await page.getByRole('group', { name: 'Zoom and pan the timeline' }).waitFor();
	await page.waitForTimeout(500);
	const { tasks, loadingAt, shownAt } = await page.evaluate(() => {
		const w = window as unknown as {
			__longTasks: [number, number][];
			__loadingAt?: number;
			__shownAt: number;
		};
		return { tasks: w.__longTasks, loadingAt: w.__loadingAt ?? null, shownAt: w.__shownAt };
	});
	const worst = (xs: [number, number][]) => Math.max(0, ...xs.map(([, d]) => d));
	// A small scenario simulates at once, in the page's first task: it has no loading of its own.
	const from = loadingAt ?? shownAt;
	// The progress shows inside the page's first task: the loading's tasks start after it.
	const worstStartMs = worst(tasks.filter(([start]) => start <= from));
	const worstLoadingMs = worst(
		tasks.filter(([start, d]) => start > from && start + d < shownAt - 1)
	);
	const worstTaskMs = worst(tasks);
	const slider = (await page
		.getByRole('slider', { name: 'Moment' })
		.elementHandle()) as ElementHandle<HTMLInputElement>;
	const end = Number(await slider.getAttribute('max'));
	const moments: number[] = [];
	for (const f of [0.25, 0.5, 0.75]) {
		moments.push(await slider.evaluate(timeMoment, String(Math.round(end * f))));
	}
	const cdp = await context.newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
	const svgNodes = await page.evaluate(() => document.querySelectorAll('svg *').length);
	await page.close();
	return {
		firstMs,
		worstStartMs,
		worstLoadingMs,
		worstTaskMs,
		momentMs: median(moments),
		heapMb: heap / 1024 / 1024,
		svgNodes
	};
}

/** Prints the table's figures for each size against the targets (set for 10,000). */
export async function scale(context: BrowserContext, url: string): Promise<void> {
	for (const count of SCALE_SIZES) {
		const f = await openScaled(context, url, count);
		const at = `${count.toLocaleString('en')} requests`;
		report(`${at}: first result after opening the link`, f.firstMs / 1000, 2, ' s');
		console.log(`${at}: worst main-thread task drawing the page first: ${f.worstStartMs} ms`);
		report(
			`${at}: worst main-thread task while it simulates and loads`,
			f.worstLoadingMs,
			50,
			' ms'
		);
		report(
			`${at}: worst main-thread task up to the first result, drawn`,
			f.worstTaskMs,
			50,
			' ms',
			'drawing it and its service views included'
		);
		report(`${at}: Moment jump, median of 3`, f.momentMs, 16, ' ms');
		report(`${at}: JS heap after GC`, f.heapMb, 200, ' MB');
		console.log(`${at}: SVG nodes ${f.svgNodes}`);
	}
}
