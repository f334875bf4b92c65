import type { TestProject } from 'vitest/node';
import { describeBrowser, resolveBrowser, type BrowserChoice } from './browser';

declare module 'vitest' {
	export interface ProvidedContext {
		browser: BrowserChoice;
	}
}

/** Finds the browser once per run, says which it is, and hands it to every test file. */
export default async function setup(project: TestProject): Promise<void> {
	const browser = await resolveBrowser();
	console.log(describeBrowser(browser));
	project.provide('browser', browser);
}
