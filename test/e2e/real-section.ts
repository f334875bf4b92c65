import type { FrameLocator, Page } from 'playwright-core';

/**
 * Scrolls to "Run it for real" as a learner would: its code (the real runtime, exact mode)
 * loads once the section comes near the window, so its buttons appear only then.
 */
export async function reachRealRun(page: Page | FrameLocator): Promise<void> {
	await page.getByRole('heading', { name: 'Run it for real' }).scrollIntoViewIfNeeded();
}
