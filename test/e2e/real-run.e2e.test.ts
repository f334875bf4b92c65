import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeScenarioLink } from '../../src/url/scenario-link';
import { collectErrors, useLab, watchLongTasks } from './harness';

// Real runs measure wall-clock time on a shared 2-core machine: the tolerances are wide on
// purpose; what is asserted is the pattern (serial versus overlapping), not exact figures.
const SLACK = 80;

const lab = useLab([{}, { isolated: false }]);
const sites = lab.sites;

async function runForReal(page: Page): Promise<number[]> {
	await page.getByRole('button', { name: 'Run for real' }).click();
	await page.getByTestId('agreement').waitFor({ timeout: 20_000 });
	console.log(
		`${page.url().split('?')[1]}: ${(await page.getByTestId('agreement').textContent())?.replace(/\s+/g, ' ')}`
	);
	const rows = page.locator('section:has(#real-h) tbody tr');
	const measured: number[] = [];
	for (let i = 0; i < (await rows.count()); i++)
		measured.push(Number(await rows.nth(i).locator('td').nth(1).textContent()));
	return measured;
}

for (const [name, isolated] of [
	['cross-origin isolated', true],
	['not isolated (as in a docs iframe)', false]
] as const) {
	describe(`running lesson scenarios for real, ${name}`, () => {
		const url = () => sites[isolated ? 0 : 1].url;

		it('says which mode it is in', async () => {
			const page = await lab.context.newPage();
			await page.goto(`${url()}?lesson=blocking-vs-offloaded`);
			expect(await page.getByTestId('real-mode').textContent()).toContain(
				isolated ? 'is cross-origin isolated' : 'not cross-origin isolated'
			);
		});

		it('a blocking handler serializes for real: the k-th ends at about k x 200 ms', async () => {
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${url()}?lesson=blocking-vs-offloaded&variant=time-sleep`);
			const ends = await runForReal(page);
			// The measurement is drawn over the predicted timeline, one bar per request.
			expect(await page.locator('figure svg rect.measured').count()).toBe(ends.length);
			ends.forEach((e, k) =>
				expect(Math.abs(e - 200 * (k + 1)), `r${k + 1} ended at ${e}`).toBeLessThanOrEqual(SLACK)
			);
			expect(errors).toEqual([]);
		});

		it('offloaded blocking calls overlap for real: all end at about 200 ms', async () => {
			const page = await lab.context.newPage();
			await page.goto(`${url()}?lesson=blocking-vs-offloaded&variant=to-thread`);
			for (const e of await runForReal(page)) {
				expect(e).toBeGreaterThanOrEqual(195);
				expect(e).toBeLessThanOrEqual(200 + SLACK);
			}
		});

		it('reports the agreement of every variant of every lesson', async () => {
			const page = await lab.context.newPage();
			for (const [lesson, variants] of [
				['restaurant', ['kitchen', 'stove']],
				[
					'blocking-vs-offloaded',
					[
						'time-sleep',
						'sync-write',
						'cpu',
						'asyncio-sleep',
						'to-thread',
						'pool-of-2',
						'to-thread-cpu'
					]
				]
			] as const) {
				for (const v of variants) {
					await page.goto(`${url()}?lesson=${lesson}&variant=${v}`);
					expect((await runForReal(page)).length).toBeGreaterThan(0);
				}
			}
		}, 120_000);
	});
}

/** Opens a scenario in the playground by its link. */
function openScenario(page: Page, doc: object) {
	const s = encodeURIComponent(encodeScenarioLink(JSON.stringify(doc)));
	return page.goto(`${sites[0].url}?page=playground&s=${s}`);
}

/** Opens a scenario file (path without `.json`, with a shorter limit) in the playground and runs it for real. */
async function runScenarioFile(page: Page, name: string, limitMs: number) {
	const doc = JSON.parse(readFileSync(`${name}.json`, 'utf8'));
	await openScenario(page, { ...doc, limitMs });
	await page.getByRole('button', { name: 'Run for real' }).click();
	const text =
		(await page.getByTestId('agreement').textContent({ timeout: limitMs + 10_000 })) ?? '';
	console.log(`${name}: ${text.replace(/\s+/g, ' ')}`);
	return text;
}

describe('the JSON-RPC client and threading.Lock, for real (cross-origin isolated)', () => {
	it('gathered calls with a future per request id complete in about 60 ms', async () => {
		const page = await lab.context.newPage();
		expect(await runScenarioFile(page, 'lessons/06-gather-deadlock/fixed', 3000)).toContain(
			'completed'
		);
	});

	it('the unsafe hand-off loses the wake-up: nothing else wakes the loop, so the run hangs', async () => {
		const page = await lab.context.newPage();
		expect(await runScenarioFile(page, 'lessons/06-gather-deadlock/lost-wakeup', 1500)).toContain(
			'hung'
		);
	});

	it('a 100 ms heartbeat rescues the same lost wake-ups, each response late', async () => {
		const page = await lab.context.newPage();
		expect(
			await runScenarioFile(page, 'lessons/06-gather-deadlock/lost-wakeup-timer', 3000)
		).toContain('completed');
	});

	it('a threading.Lock held across await under gather blocks the server worker for real', async () => {
		const page = await lab.context.newPage();
		expect(
			await runScenarioFile(page, 'lessons/06-gather-deadlock/thread-lock-gather', 1500)
		).toContain('hung');
		expect(await page.getByTestId('real-hung').textContent()).toContain(
			"blocked in threading.Lock 'client_lock'.acquire()"
		);
	});
});

describe('Stop and the main thread', () => {
	it('Stop ends a run within 0.5 s, even in the middle of a 60-second blocking call', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await openScenario(page, {
			format: 'event-loop-lab/scenario@1',
			id: 'long-block',
			title: 'One minute of time.sleep',
			limitMs: 120000,
			handlers: { h: { steps: [{ op: 'block', ms: 60000 }] } },
			requests: [{ id: 'r1', at: 0, handler: 'h' }]
		});
		await page.getByRole('button', { name: 'Run for real' }).click();
		await page.getByText('Running…').waitFor();
		await page.waitForTimeout(1000);
		const t0 = Date.now();
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByText('Stopped.').waitFor({ timeout: 2000 });
		const ms = Date.now() - t0;
		console.log(`Stop during a 60 s block took ${ms} ms`);
		expect(ms).toBeLessThanOrEqual(500);
		// The lab is usable again at once.
		await page.getByRole('button', { name: 'Run for real' }).isEnabled();
		expect(errors).toEqual([]);
	});

	it('a real run causes no main-thread task over 50 ms', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${sites[0].url}?lesson=blocking-vs-offloaded&variant=cpu`);
		await page.getByTestId('narration').waitFor();
		const longTasks = await watchLongTasks(page);
		await runForReal(page);
		const tasks = await longTasks();
		console.log(`worst main-thread task during a real run: ${Math.max(0, ...tasks).toFixed(0)} ms`);
		expect(tasks.filter((d) => d > 50)).toEqual([]);
	});
});
