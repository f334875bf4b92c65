import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import { simulate } from '../../simulations/index';
import { collectErrors, useLab } from './harness';
import { LONG_BLOCK, playgroundUrl } from './long-block';
import { reachRealRun } from './real-section';

// Real runs measure wall-clock time on a shared machine, so nothing here bounds a duration: a
// run is checked by its outcome, which requests it answered, the order they ended in, and (for
// overlap) a ratio against a serial run measured in the same test. Figures go to `npm run bench`.
const lab = useLab([{}, { isolated: false }]);
const sites = lab.sites;

/** One real run as the panel shows it: its outcome, and each request's ends (null: never). */
interface RealRun {
	outcome: string;
	requests: { id: string; predictedMs: number | null; measuredMs: number | null }[];
}

const endOf = (text: string | null) => (text === '—' || text === null ? null : Number(text));

async function runForReal(page: Page): Promise<RealRun> {
	await reachRealRun(page);
	await page.getByRole('button', { name: 'Run for real' }).click();
	const agreement = (await page.getByTestId('agreement').textContent()) ?? '';
	console.log(`${page.url().split('?')[1]}: ${agreement.replace(/\s+/g, ' ')}`);
	const requests = [];
	for (const row of await page.locator('section:has(#real-h) tbody tr').all()) {
		const cells = row.locator('td');
		requests.push({
			id: (await row.locator('th').textContent()) ?? '',
			predictedMs: endOf(await cells.nth(0).textContent()),
			measuredMs: endOf(await cells.nth(1).textContent())
		});
	}
	return { outcome: /^Run \d+: (\w+)\./.exec(agreement)?.[1] ?? agreement, requests };
}

/** The request ids in the order they ended (unfinished ones left out). */
const endOrder = (run: RealRun, key: 'predictedMs' | 'measuredMs') =>
	run.requests
		.filter((r) => r[key] !== null)
		.sort((a, b) => (a[key] as number) - (b[key] as number))
		.map((r) => r.id);

const worstEnd = (run: RealRun) => Math.max(...run.requests.map((r) => r.measuredMs ?? Infinity));

for (const [name, isolated] of [
	['cross-origin isolated', true],
	['not isolated (as in a docs iframe)', false]
] as const) {
	describe(`running lesson scenarios for real, ${name}`, () => {
		const url = () => sites[isolated ? 0 : 1].url;

		it('says which mode it is in', async () => {
			const page = await lab.context.newPage();
			await page.goto(`${url()}?lesson=blocking-vs-offloaded`);
			await reachRealRun(page);
			expect(await page.getByTestId('real-mode').textContent()).toContain(
				isolated ? 'is cross-origin isolated' : 'not cross-origin isolated'
			);
			// The section loads once it is near: the page's own axe checks may not see it.
			const axe = await new AxeBuilder({ page })
				.include('section[aria-labelledby="real-h"]')
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		});

		it('a blocking handler serializes for real: requests end one after another, in arrival order', async () => {
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${url()}?lesson=blocking-vs-offloaded&variant=time-sleep`);
			const run = await runForReal(page);
			// The measurement is drawn over the predicted timeline, one bar per request.
			expect(await page.locator('figure svg rect.measured').count()).toBe(run.requests.length);
			expect(run.outcome).toBe('completed');
			expect(endOrder(run, 'measuredMs')).toEqual(endOrder(run, 'predictedMs'));
			expect(endOrder(run, 'measuredMs')).toEqual(run.requests.map((r) => r.id));
			expect(errors).toEqual([]);
		});

		it('offloaded blocking calls overlap for real: all done well before the serial run', async () => {
			const page = await lab.context.newPage();
			await page.goto(`${url()}?lesson=blocking-vs-offloaded&variant=time-sleep`);
			const serial = await runForReal(page);
			await page.goto(`${url()}?lesson=blocking-vs-offloaded&variant=to-thread`);
			const offloaded = await runForReal(page);
			expect(offloaded.outcome).toBe('completed');
			// Predicted 200 ms against 1000 ms: overlap shows as a ratio far below 1 even when a busy
			// machine stretches both runs; serialized calls could not go below 1.
			expect(worstEnd(offloaded) / worstEnd(serial)).toBeLessThan(0.75);
		});

		// Once, as deployed: the busy-loop stand-ins of the other mode add minutes, not coverage.
		if (isolated)
			it('runs every variant of every lesson for real with the outcome and answers simulate() predicts', async () => {
				const page = await lab.context.newPage();
				let ran = 0;
				for (const { slug } of listLessonFiles('lessons')) {
					const lesson = await readLessonFiles('lessons', slug);
					if ('error' in lesson) throw new Error(lesson.error);
					for (const variant of lesson.variants) {
						const label = `${slug} / ${variant.name}`;
						await page.goto(`${url()}?lesson=${slug}&variant=${variant.name}`);
						await reachRealRun(page);
						const button = page.getByRole('button', { name: 'Run for real' });
						const simulationOnly = page.getByText('shown as a simulation only');
						// The real runtime's panel loads lazily: wait for one of its two faces.
						await button.or(simulationOnly).waitFor();
						if ((await button.count()) === 0) continue;
						const predicted = simulate(variant.scenario);
						const run = await runForReal(page);
						ran++;
						// A hang the model sees at once, a real loop sees only at its limit: stuck there
						// (hung) or, with background tasks still beating, stopped.
						const outcomes =
							predicted.outcome === 'hung' ? ['hung', 'stopped'] : [predicted.outcome];
						expect(outcomes, label).toContain(run.outcome);
						expect(
							run.requests.map((r) => [r.id, r.measuredMs !== null]),
							label
						).toEqual(predicted.requests.map((q) => [q.id, q.endMs !== null]));
					}
				}
				expect(ran).toBeGreaterThan(0);
			});
	});
}

/** Opens a scenario in the playground by its link. */
const openScenario = (page: Page, doc: object) => page.goto(playgroundUrl(sites[0].url, doc));

/**
 * Opens a scenario file (path without `.json`) in the playground and runs it for real. A run that
 * completes ends when its last request is answered, so only runs expected to hang shorten the
 * limit: a short limit on a run that completes would only measure how busy the machine is.
 */
async function runScenarioFile(page: Page, name: string, hangLimitMs?: number) {
	const doc = JSON.parse(readFileSync(`${name}.json`, 'utf8'));
	await openScenario(page, hangLimitMs === undefined ? doc : { ...doc, limitMs: hangLimitMs });
	await reachRealRun(page);
	await page.getByRole('button', { name: 'Run for real' }).click();
	const text = (await page.getByTestId('agreement').textContent()) ?? '';
	console.log(`${name}: ${text.replace(/\s+/g, ' ')}`);
	return text;
}

describe('the JSON-RPC client and threading.Lock, for real (cross-origin isolated)', () => {
	it('gathered calls with a future per request id complete', async () => {
		const page = await lab.context.newPage();
		expect(await runScenarioFile(page, 'lessons/06-gather-deadlock/fixed')).toContain('completed');
	});

	it('the unsafe hand-off loses the wake-up: nothing else wakes the loop, so the run hangs', async () => {
		const page = await lab.context.newPage();
		expect(await runScenarioFile(page, 'lessons/06-gather-deadlock/lost-wakeup', 1500)).toContain(
			'hung'
		);
	});

	it('a 100 ms heartbeat rescues the same lost wake-ups, each response late', async () => {
		const page = await lab.context.newPage();
		expect(await runScenarioFile(page, 'lessons/06-gather-deadlock/lost-wakeup-timer')).toContain(
			'completed'
		);
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

describe('Stop', () => {
	it('Stop ends a run in the middle of a 60-second blocking call: Stopped, and no worker left', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await openScenario(page, LONG_BLOCK);
		await reachRealRun(page);
		await page.getByRole('button', { name: 'Run for real' }).click();
		await page.getByText(/^Running… \d+ of/).waitFor();
		await expect.poll(() => page.workers().length).toBeGreaterThan(0);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByText('Stopped.').waitFor();
		await expect.poll(() => page.workers().length).toBe(0);
		// The lab is usable again at once.
		expect(await page.getByRole('button', { name: 'Run for real' }).isEnabled()).toBe(true);
		expect(errors).toEqual([]);
	});
});
