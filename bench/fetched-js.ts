// What a first visit to a page really downloads: every script the browser fetches, dynamic
// imports and workers included, gzipped; until the page is ready to read (its narration shows),
// and in all, once nothing more has arrived for QUIET_MS (what loads when idle counts too).
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

const QUIET_MS = 3000;
const MAX_WAIT_MS = 20_000;

type Script = { name: string; kb: number };
export type Fetched = { kb: number; files: Script[] };

function total(files: Script[]): Fetched {
	return { kb: files.reduce((n, f) => n + f.kb, 0), files: [...files].sort((a, b) => b.kb - a.kb) };
}

// When the narration first shows, by the page's own clock: Playwright's polling can see it late
// on a busy machine, after the chunks loaded when idle have started.
const MARK_READY = `new MutationObserver((_, o) => {
	if (!document.querySelector('[data-testid="narration"]')) return;
	window.__readyAt = performance.now();
	o.disconnect();
}).observe(document, { childList: true, subtree: true });`;

/** The scripts a first visit to `pageUrl` fetches: before it is ready to read, and in all. */
export async function fetchedJs(
	context: BrowserContext,
	pageUrl: string
): Promise<{ ready: Fetched; visit: Fetched }> {
	const page = await context.newPage();
	await page.addInitScript({ content: MARK_READY });
	const scripts: Promise<(Script & { url: string }) | null>[] = [];
	let last = Date.now();
	page.on('response', (r) => {
		const url = r.url();
		const name = new URL(url).pathname.split('/').pop() ?? '';
		if (!name.endsWith('.js')) return;
		last = Date.now();
		// A chunk still arriving when the page closes has no body to read: it was not needed.
		scripts.push(
			r.body().then(
				(body) => ({ url, name, kb: gzipSync(body, { level: 9 }).length / 1024 }),
				() => null
			)
		);
	});
	await page.goto(pageUrl);
	await page.getByTestId('narration').waitFor();
	const start = Date.now();
	while (Date.now() - last < QUIET_MS && Date.now() - start < MAX_WAIT_MS)
		await page.waitForTimeout(250);
	// Scripts a worker fetched are not in the page's resource timing: they came after ready.
	const early = await page.evaluate(() => {
		const readyAt = (window as unknown as { __readyAt: number }).__readyAt;
		return performance
			.getEntriesByType('resource')
			.filter((e) => e.startTime < readyAt)
			.map((e) => e.name);
	});
	const all = (await Promise.all(scripts)).filter((s) => s !== null);
	await page.close();
	return { ready: total(all.filter((s) => early.includes(s.url))), visit: total(all) };
}
