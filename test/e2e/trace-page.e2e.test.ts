import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMs } from '../../src/format/numbers';
import { findStalls, importTrace, toScenario, type TraceModel } from '../../src/traces/index';
import { editorText } from './code-editor';
import { collectErrors, useLab } from './harness';

const lab = useLab();

const SAMPLE_PATH = 'traces/sample-service.json';
const SAMPLE = readFileSync(`public/${SAMPLE_PATH}`, 'utf8');
const imported = importTrace(SAMPLE);
if (!imported.ok) throw new Error(`the sample trace does not import: ${imported.message}`);
const model: TraceModel = imported.model;
/** The sample's service: three requests block the loop 200 ms at the time.sleep line. */
const BLOCK_LINE = 'blocking_app.py:16';

const open = (page: Page, query = '') => page.goto(`${lab.site.url}?page=trace${query}`);
const rows = (page: Page) => page.getByTestId('stall-row');
const alert = (page: Page) => page.getByRole('alert');
const table = (page: Page) => page.getByRole('table', { name: 'What blocked the loop' });
const threshold = (page: Page) => page.getByRole('spinbutton', { name: 'Threshold, ms' });
const picker = (page: Page) => page.getByLabel('Open a trace file');
const file = (name: string, text: string) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(text)
});

async function sampleFromButton(page: Page) {
	await open(page);
	await page.getByRole('button', { name: 'Try the sample trace' }).click();
	await table(page).waitFor();
}

describe('the trace page', () => {
	it('loads the sample from its button: the summary, the stalls over the threshold with the requests behind them, and the model beside the recording', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await sampleFromButton(page);
		await expect.poll(() => page.url()).toContain(`trace=${SAMPLE_PATH}`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your trace');
		const about = page.locator('dl');
		expect(await about.textContent()).toContain('Event Loop Lab recorder');
		expect(await about.textContent()).toContain(`CPython ${model.about.python}`);
		expect(await about.textContent()).toContain(String(model.about.loop));
		expect(await about.textContent()).toMatch(new RegExp(`Requests\\s*${model.requests.length}`));

		// At the default threshold: every stall findStalls finds, the three blocks among them.
		const stalls = findStalls(model);
		await expect.poll(() => rows(page).count()).toBe(stalls.length);
		const blocks = rows(page).filter({ hasText: BLOCK_LINE });
		expect(await blocks.count()).toBe(3);
		for (let i = 0; i < 3; i++) {
			const text = await blocks.nth(i).textContent();
			expect(text).toContain('RequestResponseCycle.run_asgi');
			expect(text).toMatch(/\+\d+\.\d ms:\s+r\d \/\w+/); // how long requests waited, and which
		}

		// A higher threshold keeps the blocks (200 ms each); above every stall, none.
		await threshold(page).fill('150');
		await expect.poll(() => rows(page).count()).toBe(findStalls(model, 150).length);
		expect(await rows(page).filter({ hasText: BLOCK_LINE }).count()).toBe(3);
		await threshold(page).fill('1000');
		await expect.poll(() => rows(page).count()).toBe(0);
		expect(await table(page).textContent()).toContain('No callback held the loop 1000 ms or more.');
		await threshold(page).fill('50');
		await expect.poll(() => rows(page).count()).toBe(stalls.length);

		// Every recorded request beside the model's, within 20 ms (as the recorded-service test).
		const latencies = await page.getByTestId('latency-row').allTextContents();
		expect(latencies).toHaveLength(model.requests.length);
		for (const row of latencies) {
			const [, recorded, modelled] = /recorded ([\d,]+) ms · model ([\d,]+) ms/.exec(row)!;
			expect(Math.abs(Number(recorded) - Number(modelled)), row).toBeLessThanOrEqual(20);
		}
		expect(await page.getByTestId('agreement').textContent()).toMatch(
			/^The model ends all 8 requests within \d+ ms of the recording[;.]/
		);
		expect(errors).toEqual([]);
	});

	it('choosing a stall moves the stage into it, by keyboard; the scenario opens in the playground and downloads', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await sampleFromButton(page);
		const block = findStalls(model).filter((s) => s.where?.includes(BLOCK_LINE))[1];
		const middle = Math.round(block.atMs + block.ms / 2);
		const row = rows(page).filter({ hasText: BLOCK_LINE }).nth(1);
		await row.getByRole('button', { name: `Show the stage at ${formatMs(block.atMs, 1)}` }).focus();
		await page.keyboard.press('Enter');
		expect(await row.getAttribute('aria-current')).toBe('true');
		expect(await page.getByRole('slider', { name: 'Moment' }).inputValue()).toBe(String(middle));
		expect(await page.getByTestId('narration').textContent()).toContain(`At ${middle} ms.`);
		// The loop, at that moment, is busy with the request whose task blocked it.
		const task = model.slices.find((x) => x.atMs === block.atMs)!.taskId;
		const blocker = `r${model.requests.findIndex((r) => r.taskId === task) + 1}`;
		expect(await page.getByTestId('loop-status').textContent()).toMatch(
			new RegExp(`^(Blocked: ${blocker}:|Running ${blocker} step)`)
		);

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download scenario' }).click();
		expect((await download).suggestedFilename()).toBe('recorded-trace.json');

		await page.getByRole('link', { name: 'Make this a scenario' }).click();
		await page.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
		expect(JSON.parse(await editorText(page.getByLabel(/Scenario JSON/)))).toEqual(
			toScenario(model)
		);
		await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('completed');
		expect(errors).toEqual([]);
	});

	it('asks what if: offloading the blocking line’s stalls, the model says no request waits, and the stage draws both runs on one axis', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await sampleFromButton(page);
		const stretch = page.getByRole('combobox', { name: 'Stretch', exact: true });
		const choices = await stretch.locator('option').allTextContents();
		expect(choices).toContain('fixtures/blocking_app.py:16: 3 stalls');
		expect(choices.at(-1)).toMatch(/^Every stall in the table \(\d+\)$/);
		await stretch.selectOption({ label: 'fixtures/blocking_app.py:16: 3 stalls' });
		await page
			.getByLabel('Change', { exact: true })
			.selectOption({ label: 'Offload it to the thread pool' });
		await page.getByRole('button', { name: 'Show what if' }).click();

		const status = page.getByTestId('what-if-status');
		await expect.poll(() => status.textContent()).toMatch(/^What if the 3 stalls at /);
		const [, before, after] = (await status.textContent())!.match(
			/takes ([\d,.]+) ms in the model of the recording and ([\d,.]+) ms with the change/
		)!;
		expect(Number(before.replace(',', ''))).toBeGreaterThan(400);
		expect(Number(after.replace(',', ''))).toBeLessThan(260);
		const latency = page.getByRole('table', {
			name: 'Latency in the model, before and after the change'
		});
		expect(await latency.locator('tbody tr').count()).toBe(model.requests.length);
		await expect
			.poll(() => page.getByText(/^B: .+, the stretch offloaded$/).count())
			.toBeGreaterThan(0);
		const link = await page
			.getByRole('link', { name: 'Make this a scenario' })
			.getAttribute('href');
		expect(link).toMatch(/^\?page=playground&compare=1#s=.+&b=.+$/);

		// Not sure whether the stretch holds the GIL: both answers, side by side.
		await page
			.getByLabel('Change', { exact: true })
			.selectOption({ label: 'Not sure about the GIL: show both' });
		await page.getByRole('button', { name: 'Show what if' }).click();
		await expect
			.poll(() => status.textContent())
			.toMatch(/held the GIL, or released it .+ holding the GIL and .+ releasing it/);
		expect(await latency.locator('thead').textContent()).toContain('Holding the GIL');

		await page.getByRole('button', { name: "Only the recording's run" }).click();
		await expect.poll(() => status.textContent()).toBe('');
		expect(await page.getByText(/^B: /).count()).toBe(0);
		expect(errors).toEqual([]);
	});

	it('steps the run by stall and by request event', async () => {
		const page = await lab.context.newPage();
		await sampleFromButton(page);
		const by = page.getByRole('group', { name: 'Step the run by' });
		const said = by.getByRole('status');
		const moment = page.getByRole('slider', { name: 'Moment' });
		const stalls = findStalls(model);
		await by.getByRole('button', { name: 'Next stall' }).click();
		const first = Math.round(stalls[0].atMs + stalls[0].ms / 2);
		await expect.poll(() => said.textContent()).toMatch(/^At [\d,.]+ ms: inside the /);
		await expect.poll(async () => Number(await moment.inputValue())).toBe(first);
		await by.getByRole('button', { name: 'Next stall' }).click();
		await expect
			.poll(async () => Number(await moment.inputValue()))
			.toBe(Math.round(stalls[1].atMs + stalls[1].ms / 2));
		await by.getByRole('button', { name: 'Next request event' }).click();
		await expect
			.poll(() => said.textContent())
			.toMatch(/: r\d (arrives|is answered, after [\d,]+ ms)\.$/);
		await by.getByRole('button', { name: 'Previous stall' }).click();
		await expect
			.poll(async () => Number(await moment.inputValue()))
			.toBe(Math.round(stalls[1].atMs + stalls[1].ms / 2));
	});

	it('gives the recording itself back for Perfetto, as it was read', async () => {
		const page = await lab.context.newPage();
		await sampleFromButton(page);
		const group = page.getByRole('group', { name: 'The recording' });
		const [saved] = await Promise.all([
			page.waitForEvent('download'),
			group.getByRole('button', { name: 'Download Chrome trace' }).click()
		]);
		expect(saved.suggestedFilename()).toBe('sample-service.trace.json');
		expect(readFileSync((await saved.path()) as string, 'utf8')).toBe(SAMPLE);
		expect(await group.getByRole('button', { name: 'Open in Perfetto' }).isEnabled()).toBe(true);
	});

	it('opens a file from the picker, a dropped file and a trace= link; a bad or foreign file or link gets an alert and the page goes on', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await open(page);
		await picker(page).setInputFiles(file('mine.json', SAMPLE));
		await page.getByRole('heading', { name: 'mine.json' }).waitFor();
		expect(await rows(page).filter({ hasText: BLOCK_LINE }).count()).toBe(3);
		// A file opened here is not on the site: the URL cannot hold it.
		await expect.poll(() => page.url()).not.toContain('trace=');

		await picker(page).setInputFiles(file('broken.json', '{"traceEvents": ['));
		expect(await alert(page).textContent()).toMatch(/^broken\.json cannot be shown: not JSON/);
		await picker(page).setInputFiles(
			file('other.json', JSON.stringify({ traceEvents: [{ ph: 'X', ts: 0, dur: 5, name: 'f' }] }))
		);
		await expect
			.poll(() => alert(page).textContent())
			.toContain('other.json cannot be shown: a Chrome trace with no loop in it');
		expect(await alert(page).textContent()).toContain('no Handle._run slices');
		// The trace on show stays, and its worker still answers a new threshold.
		expect(await rows(page).filter({ hasText: BLOCK_LINE }).count()).toBe(3);
		await threshold(page).fill('150');
		await expect.poll(() => rows(page).count()).toBe(findStalls(model, 150).length);

		// viztracer's --log_async JSON, dropped on the page.
		const viztracer = readFileSync('test/traces/fixtures/viztracer_async_simple.json', 'utf8');
		const dropped = await page.evaluateHandle((text) => {
			const data = new DataTransfer();
			data.items.add(new File([text], 'viz.json', { type: 'application/json' }));
			return data;
		}, viztracer);
		// Dropped anywhere, even on the site's header.
		await page.locator('header').dispatchEvent('drop', { dataTransfer: dropped });
		await page.getByRole('heading', { name: 'viz.json' }).waitFor();
		expect(await alert(page).count()).toBe(0);
		expect(await page.locator('dl').textContent()).toContain('viztracer --log_async');

		// OTLP request spans: arrival and latency only, which the page says, with no run to draw.
		const span = { spanId: 'a', kind: 2, name: 'GET /slow' };
		const otlp = {
			resourceSpans: [
				{
					scopeSpans: [
						{
							spans: [
								{
									...span,
									startTimeUnixNano: '1700000000000000000',
									endTimeUnixNano: '1700000000250000000'
								}
							]
						}
					]
				}
			]
		};
		await picker(page).setInputFiles(file('spans.json', JSON.stringify(otlp)));
		await page.getByRole('heading', { name: 'spans.json' }).waitFor();
		expect(await page.getByTestId('trace-notes').textContent()).toMatch(/inferred/);
		expect(await page.getByTestId('no-run').textContent()).toContain('arrival and latency only');

		await open(page, `&trace=${SAMPLE_PATH}`);
		await table(page).waitFor();
		expect(await rows(page).filter({ hasText: BLOCK_LINE }).count()).toBe(3);
		await open(page, '&trace=https://example.com/trace.json');
		expect(await alert(page).textContent()).toContain('is not a path on this site');
		await open(page, '&trace=traces/missing.json');
		expect(await alert(page).textContent()).toContain('traces/missing.json could not be fetched');
		expect(errors.filter((e) => !/\b404\b/.test(e))).toEqual([]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [1280, 375]) {
			it(`has no axe violations (WCAG 2.2 AA) in ${scheme} at ${width} px`, async () => {
				const page = await lab.context.newPage();
				await page.setViewportSize({ width, height: 900 });
				await page.emulateMedia({ colorScheme: scheme });
				// The sample with a stall chosen, then a bad file's alert above it.
				await sampleFromButton(page);
				await rows(page).nth(1).getByRole('button').click();
				await picker(page).setInputFiles(file('broken.json', 'nope'));
				await alert(page).waitFor();
				const axe = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
					.analyze();
				expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
				await page.screenshot({
					path: `test-results/trace-page-${scheme}-${width}.png`,
					fullPage: true
				});
			});
		}
	}
});
