// npx tsx tasks.ts COUNT: Chrome trace of opening the scaled playground; prints each main-thread task over 40 ms and its parts.
import { openBrowser, resolveBrowser } from './test/e2e/browser';
import { startPreview } from './test/e2e/site';
import { scaledScenario } from './bench/scale';
import { scenarioLink } from './src/url/playground-link';
const count = Number(process.argv[2] ?? 10000);
const choice = await resolveBrowser();
const site = await startPreview();
const browser = await openBrowser(choice.path);
const page = await browser.context.newPage();
const b = browser.context.browser()!;
await b.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
await page.goto(`${site.url}${scenarioLink(scaledScenario(count))}`);
await page.getByTestId('outcome').waitFor({ timeout: 600000 });
await page.waitForTimeout(1500);
const buf = await b.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents as any[];
const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 40000);
for (const t of tasks) {
	console.log(`TASK ${(t.dur / 1000).toFixed(1)} ms at ${(t.ts / 1000).toFixed(0)}`);
	const sums = new Map<string, number>();
	for (const e of mine) if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
	console.log('   sums:', [...sums].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', '));
	const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 1500);
	for (const e of inside) {
		const d = e.args?.data ?? {};
		const what = d.functionName ? `${d.functionName} ${String(d.url ?? '').split('/').pop()}:${d.lineNumber}` : d.type ?? d.url?.split('/').pop() ?? '';
		console.log(`   +${((e.ts - t.ts) / 1000).toFixed(1).padStart(6)} ${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${what}`);
	}
}
await browser.close(); await site.close();
