import { describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';
import { reachRealRun } from './real-section';

// A strict policy, as a security-minded docs host would set it: no inline script or style, no eval.
// Chromium reports every violation as a console error, which collectErrors gathers.
const CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data: blob:",
	"worker-src 'self'",
	"connect-src 'self'",
	"frame-src 'self'",
	"object-src 'none'",
	"base-uri 'self'"
].join('; ');

const lab = useLab([{ headers: { 'Content-Security-Policy': CSP } }]);

describe("under a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval')", () => {
	it('serves the policy, and every page works without a violation', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const response = await page.goto(lab.site.url);
		expect(response?.headers()['content-security-policy']).toBe(CSP);
		await page.getByRole('heading', { level: 2 }).first().waitFor();

		await page.goto(`${lab.site.url}?lesson=restaurant`);
		await page.getByRole('button', { name: 'Next step' }).click();
		await page.getByRole('button', { name: 'Next step' }).click();
		expect(await page.getByTestId('step-counter').textContent()).toMatch(/3 \/ 15/);
		await page.getByRole('button', { name: 'Share / Embed' }).click();
		await page.frameLocator('dialog iframe').getByTestId('narration').waitFor();

		await page.goto(`${lab.site.url}?lesson=blocking-vs-offloaded`);
		await reachRealRun(page);
		await page.getByRole('button', { name: 'Run for real' }).click();
		await page.getByTestId('agreement').waitFor();

		await page.goto(`${lab.site.url}embed.html?lesson=gather-deadlock&step=4`);
		await page.getByTestId('hung-reason').waitFor();

		// The trace page reads its file in a worker.
		await page.goto(`${lab.site.url}?page=trace`);
		await page.getByRole('button', { name: 'Try the sample trace' }).click();
		await page.getByRole('table', { name: 'What blocked the loop' }).waitFor();
		expect(errors).toEqual([]);
	});
});
