import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';

// The lab is served isolated (as deployed) and not; a docs page on another port embeds it, the
// way a team's wiki would. The host page itself is never cross-origin isolated.
const lab = useLab([{}, { isolated: false }]);
let host: Server | null = null;
let hostUrl = '';

const hostPage = (body: string) => `<!doctype html><html lang="en"><head><title>Team docs</title>
<script>
window.steps = [];
addEventListener('message', (e) => { if (e.data && e.data.type === 'event-loop-lab:step') steps.push(e.data); });
</script></head><body><h1>Our runbook</h1>${body}</body></html>`;

beforeAll(async () => {
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://host');
		const labUrl = url.searchParams.get('lab') ?? '';
		const embed = url.searchParams.get('embed') ?? '';
		const body =
			url.pathname === '/element.html'
				? `<script type="module" src="${labUrl}event-loop-lesson.js"></script>
<event-loop-lesson ${embed}></event-loop-lesson>
<script>document.querySelector('event-loop-lesson').addEventListener('step', (e) => (window.elementSteps ??= []).push(e.detail.step));</script>`
				: `<iframe src="${labUrl}embed.html?${embed}" title="Event Loop Lab" loading="lazy" width="100%" height="700"></iframe>`;
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(hostPage(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	host = server;
	hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

// Only a host that started listening is closed: a failed start must not add a second error.
afterAll(async () => {
	const server = host;
	if (!server) return;
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

const stepsSeen = (page: Page) =>
	page.evaluate(() =>
		(window as unknown as { steps: { step: number }[] }).steps.map((s) => s.step)
	);

describe('a lesson embedded by iframe in a docs page', () => {
	for (const isolated of [true, false]) {
		it(`starts at the requested step, reports steps, obeys goto (lab ${isolated ? '' : 'not '}isolated)`, async () => {
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			const labUrl = lab.sites[isolated ? 0 : 1].url;
			const embed = encodeURIComponent('lesson=gather-deadlock&step=3&controls=minimal');
			await page.goto(`${hostUrl}iframe.html?lab=${encodeURIComponent(labUrl)}&embed=${embed}`);
			const frame = page.frameLocator('iframe');
			await expect.poll(() => stepsSeen(page)).toEqual([3]);
			expect(await frame.getByTestId('step-counter').textContent()).toMatch(/3 \/ 19/);

			await frame.getByRole('button', { name: 'Next step' }).click();
			await expect.poll(() => stepsSeen(page)).toEqual([3, 4]);

			// Step 4 asks a prediction, which holds Next; the host's goto is the page's choice, as
			// `?step=` is, so it lands past the unanswered prediction.
			await frame.getByRole('group', { name: /^Predict/ }).waitFor();
			// Malformed messages are ignored; a well-formed goto moves the embed.
			await page.evaluate(() => {
				const w = document.querySelector('iframe')?.contentWindow;
				for (const m of [
					'garbage',
					null,
					{ type: 'event-loop-lab:goto', step: 'seven' },
					{ type: 'event-loop-lab:goto', step: 999 },
					{ type: 'event-loop-lab:goto', step: 2.5 },
					{ type: 'other', step: 1 }
				])
					w?.postMessage(m, '*');
				w?.postMessage({ type: 'event-loop-lab:goto', step: 7 }, '*');
			});
			await expect.poll(() => stepsSeen(page)).toEqual([3, 4, 7]);
			expect(await frame.getByTestId('step-counter').textContent()).toMatch(/7 \/ 19/);
			// Inside this host the embed is never cross-origin isolated: the real runtime says so.
			expect(await frame.locator('body').evaluate(() => window.crossOriginIsolated)).toBe(false);
			expect(errors).toEqual([]);
		});
	}

	it('shows a visible note for bad parameters instead of a blank frame', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}embed.html?lesson=restaurant&step=99&controls=huge&theme=pink`);
		const notes = page.getByTestId('embed-notes');
		await expect.poll(() => notes.textContent()).toMatch(/step=99 is past the last step \(15\)/);
		expect(await notes.textContent()).toMatch(/controls="huge".*theme="pink"/s);
		expect(await page.getByTestId('narration').textContent()).toMatch(/waiter/);
		await page.goto(`${lab.site.url}embed.html?lesson=no-such-lesson`);
		expect(await page.getByRole('alert').textContent()).toMatch(/no lesson called/);
	});
});

describe('the embed page on its own', () => {
	for (const theme of ['light', 'dark'] as const) {
		it(`passes axe (WCAG 2.2 AA) in ${theme}, with every control`, async () => {
			const page = await lab.context.newPage();
			await page.goto(`${lab.site.url}embed.html?lesson=gil-and-pool&step=5&theme=${theme}`);
			await page.getByTestId('narration').waitFor();
			const axe = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(axe.violations.map((v) => v.id)).toEqual([]);
		});
	}
});

describe('a lesson embedded by the <event-loop-lesson> element', () => {
	it('loads from one script, starts at its step, re-emits steps and obeys goto()', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const embed = encodeURIComponent(
			'lesson="restaurant" step="2" controls="minimal" theme="dark"'
		);
		await page.goto(
			`${hostUrl}element.html?lab=${encodeURIComponent(lab.site.url)}&embed=${embed}`
		);
		const frame = page.frameLocator('event-loop-lesson iframe');
		expect(await frame.getByTestId('step-counter').textContent()).toMatch(/2 \/ 15/);
		await page.evaluate(() =>
			(document.querySelector('event-loop-lesson') as HTMLElement & { goto(n: number): void }).goto(
				5
			)
		);
		await expect
			.poll(() =>
				page.evaluate(() => (window as unknown as { elementSteps?: number[] }).elementSteps)
			)
			.toEqual([2, 5]);
		// The element sizes its frame to the lesson, so the docs page does the scrolling.
		const height = await page
			.locator('event-loop-lesson')
			.evaluate((el) => el.getBoundingClientRect().height);
		expect(height).toBeGreaterThan(700);
		expect(errors).toEqual([]);
	});
});

describe('a lesson embedded with changed numbers', () => {
	it('forwards the set attribute of <event-loop-lesson> and set= of an iframe link', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const lab0 = encodeURIComponent(lab.site.url);
		const requests = (frame: ReturnType<Page['frameLocator']>) =>
			frame.getByRole('spinbutton', { name: 'Requests' });
		const embed = encodeURIComponent('lesson="loop-on-its-own-thread" step="2" set="count:8"');
		await page.goto(`${hostUrl}element.html?lab=${lab0}&embed=${embed}`);
		const element = page.frameLocator('event-loop-lesson iframe');
		expect(await requests(element).inputValue()).toBe('8');
		expect(await element.getByTestId('narration').textContent()).toContain('requests arrive');

		const query = encodeURIComponent('lesson=loop-on-its-own-thread&step=2&set=count:3');
		await page.goto(`${hostUrl}iframe.html?lab=${lab0}&embed=${query}`);
		expect(await requests(page.frameLocator('iframe')).inputValue()).toBe('3');
		expect(errors).toEqual([]);
	});
});

describe('the "Use it in your docs" page', () => {
	it('gives working snippets for this site, runs the element live, and passes axe', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?page=docs`);
		expect(await page.getByLabel('iframe', { exact: true }).inputValue()).toContain(
			`src="${lab.site.url}embed.html?lesson=blocking-vs-offloaded`
		);
		const live = page.frameLocator('event-loop-lesson iframe');
		expect(await live.getByTestId('step-counter').textContent()).toMatch(/3 \/ 16/);
		const axe = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		expect(errors).toEqual([]);
	});
});
