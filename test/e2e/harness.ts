import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Debian's Chromium (or CHROMIUM_PATH); tests never download a browser. */
export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path)) {
		throw new Error(
			`Chromium not found at ${path}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`
		);
	}
	return path;
}

/**
 * Serves the built site (dist/) on a free loopback port: cross-origin isolated as configured, or
 * without the COOP/COEP headers (as inside a docs iframe) when `isolated` is false.
 */
export async function startPreview(
	isolated = true,
	headers: Record<string, string> = {}
): Promise<{ url: string; close: () => Promise<void> }> {
	if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first');
	const server = await preview({
		configFile: isolated ? undefined : false,
		preview: { host: '127.0.0.1', port: 0, strictPort: false, headers },
		logLevel: 'silent'
	});
	const address = server.httpServer.address() as AddressInfo;
	return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** A headless Chromium with a fresh profile; `close` also removes the profile. */
export async function openBrowser(): Promise<{
	context: BrowserContext;
	close: () => Promise<void>;
}> {
	const profile = mkdtempSync(join(tmpdir(), 'ell-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath(),
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Console errors and uncaught page errors, collected for an assertion at the end of a test. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

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

type Site = Awaited<ReturnType<typeof startPreview>>;

/** How one preview of the site is served: cross-origin isolated or not, with extra headers. */
export interface SiteOptions {
	isolated?: boolean;
	headers?: Record<string, string>;
}

/**
 * Registers a suite's hooks: one browser, a preview per entry of `siteOptions`, and every page
 * closed after each test, since pages left open keep animating in the same renderer and skew the
 * long-task checks.
 */
export function useLab(siteOptions: SiteOptions[] = [{}]) {
	let browser: Awaited<ReturnType<typeof openBrowser>> | null = null;
	const sites: Site[] = [];
	beforeAll(async () => {
		browser = await openBrowser();
		for (const o of siteOptions) sites.push(await startPreview(o.isolated ?? true, o.headers));
		mkdirSync('test-results', { recursive: true });
	});
	afterEach(async () => {
		await Promise.all(browser?.context.pages().map((p) => p.close()) ?? []);
	});
	afterAll(async () => {
		await browser?.close();
		for (const site of sites) await site.close();
	});
	return {
		get context(): BrowserContext {
			return (browser as NonNullable<typeof browser>).context;
		},
		get site(): Site {
			return sites[0];
		},
		sites
	};
}
