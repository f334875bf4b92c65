// Which Chromium the end-to-end tests and the browser bench drive, and how it is started. No
// vitest imports here: `bench/browser.bench.ts` uses the same functions outside the test runner.
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The browser a run uses: its executable, its version line and how it was found. */
export interface BrowserChoice {
	path: string;
	version: string;
	foundBy: string;
}

const SYSTEM_PATHS = ['/usr/bin/chromium'];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

// As root on a closed network. The rest keeps what the lab tests meaningful: no flag turns off
// web security, site isolation or the sandboxing of workers (so none of @sparticuz/chromium's
// own `args`: --single-process, --disable-web-security, SharedArrayBuffer without isolation).
// Playwright adds --headless itself for `headless: true`.
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

// A slow step on a loaded machine must not fail a test; only a real hang should.
const ACTION_TIMEOUT_MS = 180_000;

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

function systemBrowser(): { path: string; foundBy: string } | null {
	for (const path of SYSTEM_PATHS)
		if (isExecutable(path)) return { path, foundBy: 'system Chromium' };
	const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
	for (const name of SYSTEM_NAMES)
		for (const dir of dirs) {
			const path = join(dir, name);
			if (isExecutable(path)) return { path, foundBy: `\`${name}\` on PATH` };
		}
	return null;
}

async function packagedBrowser(): Promise<{ path: string; foundBy: string }> {
	const { default: packaged } = await import('@sparticuz/chromium');
	// The package ships the binary brotli-compressed; this unpacks it into the temp folder once.
	const path = await packaged.executablePath();
	return { path, foundBy: 'the @sparticuz/chromium devDependency' };
}

/** CHROMIUM_PATH, else a system Chromium or Chrome, else the one npm installed with the project. */
export async function resolveBrowser(): Promise<BrowserChoice> {
	const explicit = process.env.CHROMIUM_PATH;
	if (explicit && !isExecutable(explicit))
		throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file`);
	const found = explicit
		? { path: explicit, foundBy: 'CHROMIUM_PATH' }
		: (systemBrowser() ?? (await packagedBrowser()));
	const version = execFileSync(found.path, ['--version'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore']
	}).trim();
	return { ...found, version };
}

/** The one line a run prints about its browser. */
export function describeBrowser(b: BrowserChoice): string {
	return `e2e browser: ${b.path} (${b.version}), found as ${b.foundBy}`;
}

/** A headless Chromium with a fresh profile; `close` also removes the profile. */
export async function openBrowser(executablePath: string): Promise<{
	context: BrowserContext;
	close: () => Promise<void>;
}> {
	const profile = mkdtempSync(join(tmpdir(), 'ell-chromium-'));
	try {
		const context = await chromium.launchPersistentContext(profile, {
			executablePath,
			headless: true,
			args: ARGS,
			timeout: ACTION_TIMEOUT_MS
		});
		context.setDefaultTimeout(ACTION_TIMEOUT_MS);
		return {
			context,
			close: async () => {
				try {
					await context.close();
				} finally {
					rmSync(profile, { recursive: true, force: true });
				}
			}
		};
	} catch (e) {
		rmSync(profile, { recursive: true, force: true });
		throw e;
	}
}
