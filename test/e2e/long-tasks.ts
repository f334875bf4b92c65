import type { Page } from 'playwright-core';

/** Starts counting main-thread long tasks from now (start-up always makes one, so it is skipped). */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		const mark = performance.now();
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.startTime >= mark) w.longTasks.push(e.duration);
		}).observe({ entryTypes: ['longtask'] });
	});
	return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}
