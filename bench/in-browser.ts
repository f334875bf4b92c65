// How a browser bench runs: build the site (unless `--no-build`), serve it, open the end-to-end
// tests' Chromium, run, close, and print what missed.
import { execFileSync } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';
import { describeBrowser, openBrowser, resolveBrowser } from '../test/e2e/browser';
import { startPreview } from '../test/e2e/site';
import { finish } from './report';

/** Runs `bench` against the built site in Chromium, then exits (1 on a miss under `--strict`). */
export async function inBrowser(
	bench: (context: BrowserContext, url: string) => Promise<void>
): Promise<never> {
	if (!process.argv.includes('--no-build'))
		execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'pipe' });
	const choice = await resolveBrowser();
	console.log(describeBrowser(choice));
	const site = await startPreview();
	const browser = await openBrowser(choice.path);
	try {
		await bench(browser.context, site.url);
	} finally {
		await browser.close();
		await site.close();
	}
	return finish();
}
