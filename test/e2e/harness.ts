import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { openBrowser } from './browser';
import { startPreview, type Site } from './site';

/** Console errors and uncaught page errors, collected for an assertion at the end of a test. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** How one preview of the site is served: cross-origin isolated or not, with extra headers. */
export interface SiteOptions {
	isolated?: boolean;
	headers?: Record<string, string>;
}

/**
 * Registers a suite's hooks: one browser (the one the global setup chose), a preview per entry of
 * `siteOptions`, and every page closed after each test, since pages left open keep animating in
 * the same renderer. Teardown closes only what started, so a failed start reports one error.
 */
export function useLab(siteOptions: SiteOptions[] = [{}]) {
	let browser: Awaited<ReturnType<typeof openBrowser>> | null = null;
	const sites: Site[] = [];
	beforeAll(async () => {
		browser = await openBrowser(inject('browser').path);
		for (const o of siteOptions) sites.push(await startPreview(o.isolated ?? true, o.headers));
		mkdirSync('test-results', { recursive: true });
	});
	afterEach(async () => {
		await Promise.all(browser?.context.pages().map((p) => p.close()) ?? []);
	});
	afterAll(async () => {
		try {
			await browser?.close();
		} finally {
			for (const site of sites.splice(0)) await site.close();
		}
	});
	return {
		get context(): BrowserContext {
			if (!browser) throw new Error('the browser did not start (see the first error)');
			return browser.context;
		},
		get site(): Site {
			return sites[0];
		},
		sites
	};
}
