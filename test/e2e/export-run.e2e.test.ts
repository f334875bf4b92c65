import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectErrors, useLab } from './harness';

const lab = useLab();

// Stands in for ui.perfetto.dev (no network here): it answers PING with PONG, as Perfetto does,
// and shows what it was posted, so the test sees the whole hand-off.
const FAKE_PERFETTO = `<!doctype html><title>waiting</title><script>
addEventListener('message', (e) => {
	if (e.data === 'PING') return e.source.postMessage('PONG', '*');
	const p = e.data && e.data.perfetto;
	if (!p) return;
	const text = new TextDecoder().decode(p.buffer);
	document.title = 'received';
	document.body.dataset.title = p.title;
	document.body.dataset.file = p.fileName;
	document.body.dataset.events = String(JSON.parse(text).traceEvents.length);
});
</script>`;

describe('exporting a run as a Chrome trace', () => {
	it('downloads the lesson variant on show as a trace whose task steps are the run’s', async () => {
		const page = await lab.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${lab.site.url}?lesson=blocking-vs-offloaded&step=1`);
		const group = page.getByRole('group', { name: 'Export run' });
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			group.getByRole('button', { name: 'Download Chrome trace' }).click()
		]);
		expect(file.suggestedFilename()).toBe('blocking-vs-offloaded-time-sleep.trace.json');
		const trace = JSON.parse(readFileSync((await file.path()) as string, 'utf8'));
		expect(trace.otherData).toMatchObject({
			format: 'event-loop-lab/simulated-trace@1',
			lesson: 'blocking-vs-offloaded',
			variant: 'time-sleep'
		});
		const steps = trace.traceEvents.filter(
			(e: { cat?: string; dur?: number }) => e.cat === 'task-step' && e.dur! >= 199_000
		);
		expect(steps).toHaveLength(5);
		await expect.poll(() => group.getByRole('status').textContent()).toMatch(/^Saved /);
		expect(errors).toEqual([]);
	});

	it('hands the run to Perfetto through the relay tab: PING, PONG, then the buffer', async () => {
		await lab.context.route('https://ui.perfetto.dev/**', (route) =>
			route.fulfill({ contentType: 'text/html', body: FAKE_PERFETTO })
		);
		try {
			const page = await lab.context.newPage();
			await page.goto(`${lab.site.url}?lesson=gather-deadlock&step=2`);
			const group = page.getByRole('group', { name: 'Export run' });
			const [relay] = await Promise.all([
				lab.context.waitForEvent('page'),
				group.getByRole('button', { name: 'Open in Perfetto' }).click()
			]);
			await relay.waitForLoadState();
			expect(relay.url()).toMatch(/open-in-perfetto\.html#[0-9a-f]{24}$/);
			await expect
				.poll(() => group.getByRole('status').textContent())
				.toMatch(/The new tab has the trace/);
			const open = relay.getByRole('button', { name: 'Open in Perfetto' });
			await expect.poll(() => open.isEnabled()).toBe(true);
			expect(await relay.locator('#what').textContent()).toMatch(
				/\.trace\.json, \d+ KB\) is ready/
			);
			expect(await new AxeBuilder({ page: relay }).analyze()).toMatchObject({ violations: [] });

			const [perfetto] = await Promise.all([lab.context.waitForEvent('page'), open.click()]);
			await expect.poll(() => perfetto.title()).toBe('received');
			const body = perfetto.locator('body');
			expect(await body.getAttribute('data-file')).toMatch(/^gather-deadlock-.+\.trace\.json$/);
			expect(await body.getAttribute('data-title')).toMatch(/^The gather/);
			expect(Number(await body.getAttribute('data-events'))).toBeGreaterThan(20);
			await expect
				.poll(() => relay.getByRole('status').textContent())
				.toBe('Sent to Perfetto: see its tab.');
		} finally {
			await lab.context.unroute('https://ui.perfetto.dev/**');
		}
	});

	it('says so on the relay page when no lab tab answers', async () => {
		const page = await lab.context.newPage();
		await page.goto(`${lab.site.url}open-in-perfetto.html#00000000`);
		await expect
			.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 })
			.toMatch(/did not answer: it may be closed/);
		expect(await page.getByRole('button', { name: 'Open in Perfetto' }).isDisabled()).toBe(true);
	});
});
