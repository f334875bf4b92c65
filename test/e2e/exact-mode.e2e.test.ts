import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';
import { skipPrediction } from './prediction-steps';
import { reachRealRun } from './real-section';

// Exact mode: CPython (Pyodide) in a worker, loaded from the site itself. A cold start is
// seconds on a quiet machine and more on a busy one: nothing here bounds a duration.
// The third site is served under a strict policy without 'wasm-unsafe-eval'.
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'";
const lab = useLab([{}, { isolated: false }, { headers: { 'Content-Security-Policy': STRICT } }]);
const sites = lab.sites;

// A team's docs page on another port, never cross-origin isolated, embeds the lesson.
let docs: Server | null = null;
let docsUrl = '';
beforeAll(async () => {
	const server = createServer((req, res) => {
		const lab = new URL(req.url ?? '/', 'http://docs').searchParams.get('lab') ?? '';
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(`<!doctype html><html lang="en"><head><title>Team docs</title></head><body>
<h1>Our runbook</h1><iframe src="${lab}embed.html?lesson=blocking-vs-offloaded&controls=all" title="Event Loop Lab" width="1200" height="900"></iframe></body></html>`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	docs = server;
	docsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
	const server = docs;
	if (!server) return;
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

/**
 * Lets through only the lab's own site (and the docs page this file serves); every other
 * request is aborted and remembered. Returns what was asked of the site and what was refused.
 */
async function offline(context: BrowserContext, site: string) {
	const local: string[] = [];
	const refused: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(site)) {
			local.push(url);
			return route.continue();
		}
		if (docsUrl && url.startsWith(docsUrl)) return route.continue();
		refused.push(url);
		return route.abort();
	});
	return { local, refused, done: () => context.unrouteAll({ behavior: 'ignoreErrors' }) };
}

/** Every text the progress indicator showed, recorded in the page as it changes. */
async function recordProgress(where: Page | Frame) {
	await where.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { progressSeen: string[] }).progressSeen = seen;
		new MutationObserver(() => {
			const text = document.querySelector('[data-testid=exact-progress]')?.textContent;
			if (text && seen.at(-1) !== text) seen.push(text);
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	return () => where.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

/** Waits for the CPython run to end, and fails with its message if it failed. */
async function finished(where: Page | Frame | FrameLocator): Promise<void> {
	const end = where.locator('[data-testid=exact-run], [data-testid=exact-failure]').first();
	await end.waitFor({ timeout: 300_000 });
	expect(await where.getByTestId('exact-failure').count(), (await end.textContent()) ?? '').toBe(0);
}

const badge = (where: Page | Frame) => where.getByTestId('agreement-badge');
/** The line of the lab's Python that holds the loop for a cpu or block step. */
const HOLD = 'self.world.advance(self.world.now + ms / 1000)';

describe('Run on CPython', () => {
	it('loads CPython from the site alone, shows its progress, runs the variant and checks the model', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const net = await offline(lab.context, sites[0].url);
		try {
			await page.goto(`${sites[0].url}?lesson=blocking-vs-offloaded`);
			await reachRealRun(page);
			const run = page.getByRole('button', { name: 'Run on CPython' });
			await run.waitFor();
			// Nothing of Pyodide loads before the learner asks.
			expect(net.local.filter((u) => u.includes('/pyodide/'))).toEqual([]);
			const progress = await recordProgress(page);
			await run.click();
			await finished(page);
			const seen = await progress();
			console.log(
				`progress shown (${seen.length} texts): ${[seen[0], ...seen.slice(-4)].join(' | ')}`
			);
			expect(seen.some((t) => /^Downloading CPython \d+\.\d of \d+\.\d MB$/.test(t))).toBe(true);
			expect(seen.some((t) => t.startsWith('Compiling') || t.startsWith('Starting'))).toBe(true);

			const parts = (await page.getByTestId('exact-parts').textContent()) ?? '';
			expect(parts).toMatch(/Ran as CPython:.+Modelled:/s);
			await expect
				.poll(() => badge(page).locator('li').first().getAttribute('data-state'))
				.toBe('agree');
			expect(await badge(page).textContent()).toContain('Model = CPython');

			// The stage draws CPython's run, steps through it, and goes back to the model.
			await expect.poll(() => page.locator('#loop-h').textContent()).toContain('(CPython)');
			const note = page.getByText("The narration follows the model; the views draw CPython's run.");
			expect(await note.isVisible()).toBe(true);
			await skipPrediction(page);
			await page.getByRole('button', { name: 'Next step' }).click();
			await expect
				.poll(() => page.getByRole('img', { name: /^Event loop/ }).count())
				.toBeGreaterThan(0);
			await page.getByRole('radio', { name: 'Model' }).check();
			await expect.poll(() => page.locator('#loop-h').textContent()).toBe('The event loop');
			expect(await note.count()).toBe(0);

			// Warm now: another variant is checked on CPython as soon as it is shown.
			const fetchedBefore = net.local.filter((u) => u.includes('/pyodide/')).length;
			await page
				.getByRole('button', { name: /asyncio\.sleep/ })
				.first()
				.click();
			await expect
				.poll(() => badge(page).locator('li').first().getAttribute('data-state'))
				.toBe('agree');
			expect(net.local.filter((u) => u.includes('/pyodide/')).length).toBe(fetchedBefore);

			expect(net.local.some((u) => u.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
			expect(net.refused).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await net.done();
		}
	});

	it('runs inside a docs page iframe that is not cross-origin isolated', async () => {
		const page = await lab.context.newPage();
		const net = await offline(lab.context, sites[1].url);
		try {
			await page.goto(`${docsUrl}?lab=${encodeURIComponent(sites[1].url)}`);
			const frame = page.frameLocator('iframe');
			await reachRealRun(frame);
			await frame.getByRole('button', { name: 'Run on CPython' }).click({ timeout: 120_000 });
			await finished(frame);
			await expect
				.poll(() =>
					frame.getByTestId('agreement-badge').locator('li').first().getAttribute('data-state')
				)
				.toBe('agree');
			expect(await page.frames()[1].evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
			expect(net.refused).toEqual([]);
		} finally {
			await net.done();
		}
	});

	it('shows a CPython run that differs from the model, with the first diverging event', async () => {
		// A test double: the worker's Python holds the loop 1.5 times as long for cpu/block, so
		// the two engines part at the first blocking callback.
		const page = await lab.context.newPage();
		const net = await offline(lab.context, sites[0].url);
		await page.route('**/cpython.worker-*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			const altered = body.replace(HOLD, HOLD.replace('ms / 1000', 'ms * 1.5 / 1000'));
			expect(altered).not.toBe(body);
			// Its own headers (COEP/CORP) too, or the isolated page refuses the worker.
			await route.fulfill({ response, body: altered });
		});
		try {
			await page.goto(`${sites[0].url}?lesson=blocking-vs-offloaded`);
			await reachRealRun(page);
			await page.getByRole('button', { name: 'Run on CPython' }).click();
			await finished(page);
			const first = badge(page).locator('li').first();
			await expect.poll(() => first.getAttribute('data-state')).toBe('differ');
			const text = (await first.textContent()) ?? '';
			console.log(`badge: ${text}`);
			expect(text).toContain('Model ≠ CPython');
			expect(text).toContain('first divergence');
			expect(net.refused).toEqual([]);
		} finally {
			await net.done();
		}
	});

	it("says so at once where the page's Content-Security-Policy forbids WebAssembly", async () => {
		const page = await lab.context.newPage();
		await page.goto(`${sites[2].url}?lesson=blocking-vs-offloaded`);
		await reachRealRun(page);
		await page.getByRole('button', { name: 'Run on CPython' }).click();
		const failure = page.getByTestId('exact-failure');
		await failure.waitFor({ timeout: 120_000 });
		expect(await failure.textContent()).toContain("'wasm-unsafe-eval'");
		expect(await badge(page).locator('li').first().getAttribute('data-state')).toBe('failed');
		// The page still answers: the step buttons work.
		await page.getByRole('button', { name: 'Restart' }).click();
	});
});
