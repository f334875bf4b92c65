import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatTimeline, simulate } from '../../simulations/index';
import sample from '../../src/sample-scenario.json';
import { encodeScenarioLink, MAX_LINK } from '../../src/url/scenario-link';
import { loadScenario } from '../scenario-files';
import { editorText } from './code-editor';
import { collectErrors, useLab } from './harness';

// The second site sends a strict policy: no inline script or style, no eval.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
const lab = useLab([{}, { headers: { 'Content-Security-Policy': CSP } }]);

const SAMPLE = JSON.stringify(sample, null, 2);
const json = (page: Page) => page.getByLabel(/Scenario JSON/);
const outcome = (page: Page) => page.getByTestId('outcome').textContent();
const open = (page: Page, query = '', site = lab.site) =>
	page.goto(`${site.url}?page=playground${query}`);
/** `&s=<scenario>` (or `&b=`) as the playground writes it. */
const param = (name: 's' | 'b', text: string) =>
	`&${name}=${encodeURIComponent(encodeScenarioLink(text))}`;

/** A valid scenario whose every free-text field is markup. */
const HOSTILE = JSON.stringify({
	format: 'event-loop-lab/scenario@1',
	id: 'hostile',
	title: '<img src=x onerror="window.pwned=1">',
	handlers: {
		'<b>h</b>': {
			code: '<script>window.pwned=2</script>\n<img src=x onerror="window.pwned=3">',
			steps: [{ op: 'cpu', ms: 5, label: '<img src=x onerror="window.pwned=4">', line: 2 }]
		}
	},
	arrivals: [{ handler: '<b>h</b>', count: 2, idPrefix: '<i onmouseover=x>' }]
});

describe('the playground', () => {
	it('simulates the sample, byte-identical to the timeline Node computes, and steps through it', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page);
		await expect.poll(() => outcome(page)).toContain('completed at 1000 ms');
		expect(await editorText(json(page))).toBe(SAMPLE);
		await page.getByText('Every event as text').click();
		const sample = simulate(loadScenario('src/sample-scenario.json'), { trace: true });
		const node = formatTimeline(sample);
		const events = sample.trace?.length ?? 0;
		expect(await page.getByTestId('timeline').textContent()).toBe(node);

		const narration = page.getByTestId('narration');
		expect(await narration.textContent()).toContain('Before the first event');
		await page.getByRole('button', { name: 'Next step' }).click();
		await page.getByRole('button', { name: 'Next step' }).click();
		expect(await narration.textContent()).toContain(`Event 2 of ${events}`);
		await page.getByRole('button', { name: 'Previous step' }).click();
		expect(await narration.textContent()).toContain(`Event 1 of ${events}`);
		await page.locator('h1').click();
		await page.keyboard.press('End');
		expect(await narration.textContent()).toContain(`Event ${events} of ${events}`);
		expect(await page.getByTestId('loop-status').textContent()).toBe('The run has finished.');

		const moment = page.getByRole('slider', { name: 'Moment' });
		await moment.fill('300');
		expect(await narration.textContent()).toMatch(
			/At 300 ms\. The last event before it, \d+ of \d+, at 200 ms:/
		);
		expect(await page.getByTestId('loop-status').textContent()).toMatch(/^Blocked/);
		// The place in the run is in the URL, so a reload shows the same moment.
		await expect.poll(() => page.url()).toContain('t=300');
		await page.reload();
		expect(await page.getByRole('slider', { name: 'Moment' }).inputValue()).toBe('300');
		expect(errors).toEqual([]);
	});

	it('a form change rewrites the JSON and the run; a copied link reproduces A and B exactly', async () => {
		await lab.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: lab.site.url
		});
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page);
		const duration = page.getByRole('group', { name: /upload step 1/ }).getByLabel('Duration (ms)');
		await duration.fill('100');
		await duration.press('Tab');
		await expect.poll(() => editorText(json(page))).toContain('"ms": 100,');
		await expect.poll(() => outcome(page)).toContain('completed at 500 ms');
		const textA = await editorText(json(page));
		expect(textA).toBe(SAMPLE.replace('"ms": 200', '"ms": 100'));

		await page.getByRole('button', { name: 'Duplicate as variant B' }).click();
		await page
			.getByRole('group', { name: /upload step 1/ })
			.getByLabel('Kind of step')
			.selectOption('offload');
		await expect.poll(() => outcome(page)).toContain('completed at 1');
		expect(await page.locator('figure figcaption').allTextContents()).toEqual([
			`A: ${sample.title}`,
			`B: ${sample.title} (copy)`
		]);
		const textB = await editorText(json(page));
		expect(JSON.parse(textB).handlers.upload.steps[0]).toEqual({
			op: 'offload',
			ms: 100,
			work: 'block',
			noThread: 'raise',
			line: 2
		});

		const field = page.getByTestId('share-link');
		await expect.poll(() => field.inputValue()).toContain('variant=b');
		await page.getByRole('button', { name: 'Copy: Link to this scenario' }).click();
		await page.getByText('Copied.').waitFor();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toBe(await field.inputValue());

		const copy = await lab.context.newPage();
		await copy.goto(link);
		expect(await editorText(json(copy))).toBe(textB);
		await copy.getByRole('group', { name: 'Variant' }).getByRole('button').first().click();
		expect(await editorText(json(copy))).toBe(textA);
		expect(await copy.locator('figure').count()).toBe(2);
		expect(errors).toEqual([]);
	});

	it('names the field path and line of each problem: at the field, and in the JSON list', async () => {
		const page = await lab.context.newPage();
		await open(page);
		await json(page).fill(SAMPLE.replace('"ms": 200', '"ms": "fast"'));
		const list = page.getByTestId('errors');
		await expect.poll(() => list.textContent()).toContain('handlers.upload.steps[0].ms');
		expect(await list.textContent()).toMatch(/line 12:11/);
		expect(await list.textContent()).toContain('expected a finite number, found "fast"');
		const duration = page.getByRole('group', { name: /upload step 1/ }).getByLabel('Duration (ms)');
		expect(await duration.getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('group', { name: /upload step 1/ }).textContent()).toContain(
			'handlers.upload.steps[0].ms: expected a finite number'
		);
		// The views keep the last valid version, and say so.
		await expect.poll(() => page.getByText('the last valid version').count()).toBe(1);

		// Nothing crashes on input that is not a scenario at all.
		const errors = collectErrors(page);
		for (const bad of ['', '[]', 'null', '"text"', '{"handlers": []}', '{"runtime": 5}', '{'])
			await json(page).fill(bad);
		await json(page).fill('{"handlers": {"h": {"steps": [{"op": "lock", "steps": 5}]}}}');
		await page.getByRole('button', { name: 'Add a step inside h step 1' }).click();
		expect(await editorText(json(page))).toContain('"op": "cpu"');
		expect(errors).toEqual([]);
	});

	it('says what is wrong with a malformed or oversized link, and keeps what was typed in the tab', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		const notice = page.getByTestId('link-notice');
		await open(page, '&s=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
		expect(await notice.textContent()).toContain('never has');
		expect(await editorText(json(page))).toBe(SAMPLE);

		await open(page, param('s', SAMPLE).slice(0, -6));
		expect(await notice.textContent()).toContain('damaged or incomplete');

		// Node (and most web servers) refuse a request line this long, so the test serves the page
		// itself, as a host that accepts long links would.
		const long = `${lab.site.url}?page=playground&s=${'A'.repeat(MAX_LINK + 1)}`;
		await page.route(
			(url) => url.search.length > MAX_LINK,
			async (route) =>
				route.fulfill({ response: await page.request.fetch(`${lab.site.url}?page=playground`) })
		);
		await page.goto(long);
		expect(await notice.textContent()).toContain('a link holds at most 100000');
		expect(await notice.textContent()).toContain('Showing the sample scenario');

		const typed = SAMPLE.replace('F4: five requests', 'Mine');
		await json(page).fill(typed);
		await expect.poll(() => page.url()).toContain(encodeURIComponent(encodeScenarioLink(typed)));
		await open(page, '&s=broken%20link!');
		expect(await notice.textContent()).toContain('the scenario you were editing in this tab');
		expect(await editorText(json(page))).toBe(typed);
		expect(errors).toEqual([]);
	});

	it('shows hostile titles, labels, ids and code as text, never as markup', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page, param('s', HOSTILE));
		await expect.poll(() => outcome(page)).toContain('completed');
		await page.locator('h1').click();
		await page.keyboard.press('End');
		await page.getByText('Every event as text').click();
		const main = page.locator('main');
		expect(await main.textContent()).toContain('<img src=x onerror="window.pwned=1">');
		expect(await main.textContent()).toContain('<script>window.pwned=2</script>');
		expect(await page.getByTestId('timeline').textContent()).toContain('<i onmouseover=x>1');
		expect(await page.locator('main img, main b, main i[onmouseover]').count()).toBe(0);
		expect(await page.locator('main script').count()).toBe(0);
		expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
		expect(errors).toEqual([]);
	});

	it('shows a run cut short at its limit as stopped, in the warning style, not as hung', async () => {
		const slow = JSON.stringify({
			format: 'event-loop-lab/scenario@1',
			id: 'slow-uploads',
			title: 'Uploads faster than the server',
			limitMs: 1000,
			handlers: { upload: { steps: [{ op: 'block', ms: 20 }] } },
			arrivals: [{ handler: 'upload', count: 100, everyMs: 10 }]
		});
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page, param('s', slow));
		await expect
			.poll(() => outcome(page))
			.toContain(
				'stopped at 1000 ms (Stopped at the 1 s limit: 50 requests unfinished, the queue was still growing'
			);
		expect(await page.getByTestId('outcome').getAttribute('class')).toContain('warn');
		await page.locator('h1').click();
		await page.keyboard.press('End');
		await expect
			.poll(() => page.getByTestId('stopped-reason').textContent())
			.toMatch(/^\s*Outcome: stopped\. Stopped at the 1 s limit/);
		expect(await page.getByTestId('hung-reason').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	it('writes the latency table rounded: a latency in floating point reads as the ms it is', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		// The third request arrives at 1.4 ms and is answered at 300.3: 298.90000000000003 ms.
		const floats = JSON.stringify({
			format: 'event-loop-lab/scenario@1',
			id: 'floats',
			title: 'Float sums',
			handlers: { h: { steps: [{ op: 'cpu', ms: 100.1 }] } },
			arrivals: [{ handler: 'h', count: 3, everyMs: 0.7 }]
		});
		await open(page, param('s', floats));
		await expect.poll(() => outcome(page)).toContain('completed');
		await page.getByRole('slider', { name: 'Moment' }).fill('1000');
		const table = page.getByRole('table', { name: /^Latency per request/ });
		await expect
			.poll(() => table.locator('tbody td:first-of-type').allTextContents())
			.toEqual(['100.1 ms', '199.5 ms', '298.9 ms']);
		expect(errors).toEqual([]);
	});

	it('exports the scenario as a .json file and imports one', async () => {
		const page = await lab.context.newPage();
		await open(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download JSON' }).click()
		]);
		expect(download.suggestedFilename()).toBe('f04-burst-sleep-blocking.json');
		expect(readFileSync((await download.path()) as string, 'utf8')).toBe(SAMPLE);

		const file = readFileSync('lessons/02-blocking-vs-offloaded/to-thread.json', 'utf8');
		await page.getByLabel('Open a .json file…').setInputFiles({
			name: 'to-thread.json',
			mimeType: 'application/json',
			buffer: Buffer.from(file)
		});
		await expect.poll(() => editorText(json(page))).toBe(file);
		await expect.poll(() => outcome(page)).toContain('completed at 20');
		expect(await page.getByRole('status').filter({ hasText: 'Opened' }).textContent()).toBe(
			'Opened to-thread.json.'
		);
	});

	it('still opens at ?page=run, its old address, and the site menu calls it Playground', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}?page=run`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Playground');
		await page.goto(lab.site.url);
		await page
			.getByRole('navigation', { name: 'Site' })
			.getByRole('link', { name: 'Playground' })
			.click();
		expect(await editorText(json(page))).toBe(SAMPLE);
	});

	it('works under a strict Content-Security-Policy', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page, '', lab.sites[1]);
		await page.getByRole('button', { name: 'Duplicate as variant B' }).click();
		await page
			.getByRole('group', { name: /upload step 1/ })
			.getByLabel('Duration (ms)')
			.fill('50');
		await page.keyboard.press('Tab');
		await expect.poll(() => outcome(page)).toContain('completed at 250 ms');
		await page.getByRole('button', { name: 'Next step' }).click();
		expect(errors).toEqual([]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [1280, 375]) {
			it(`has no axe violations (WCAG 2.2 AA) in ${scheme} at ${width} px`, async () => {
				const page = await lab.context.newPage();
				await page.setViewportSize({ width, height: 900 });
				await page.emulateMedia({ colorScheme: scheme });
				// With a variant, a comparison, and the text timeline open; then a problem at a field.
				const b = SAMPLE.replace('"ms": 200', '"ms": 100');
				await open(page, `${param('s', SAMPLE)}${param('b', b)}&variant=b&compare=1&step=40`);
				await page.getByText('Every event as text').click();
				await page.getByTestId('timeline').waitFor();
				const duration = page
					.getByRole('group', { name: /upload step 1/ })
					.getByLabel('Duration (ms)');
				for (const ms of ['100', '-1']) {
					await duration.fill(ms);
					await duration.press('Tab');
					const axe = await new AxeBuilder({ page })
						.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
						.analyze();
					expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
				}
				await page.getByTestId('errors').waitFor();
				await page.screenshot({
					path: `test-results/playground-${scheme}-${width}.png`,
					fullPage: true
				});
			});
		}
	}
});
