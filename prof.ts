// npx tsx prof.ts COUNT [kind]: profiles opening the scaled playground; prints the longest busy stretch's functions.
import { openBrowser, resolveBrowser } from './test/e2e/browser';
import { startPreview } from './test/e2e/site';
import { scaledScenario } from './bench/scale';
import { scenarioLink } from './src/url/playground-link';

const count = Number(process.argv[2] ?? 10000);
const choice = await resolveBrowser();
const site = await startPreview();
const browser = await openBrowser(choice.path);
const page = await browser.context.newPage();
const cdp = await browser.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`${site.url}${scenarioLink(scaledScenario(count))}`);
await page.getByTestId('outcome').waitFor({ timeout: 600000 });
await page.waitForTimeout(1500);
const { profile } = (await cdp.send('Profiler.stop')) as any;
const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const idle = (id: number) => ['(idle)', '(program)', '(garbage collector)'].includes(nodes.get(id).callFrame.functionName) && nodes.get(id).callFrame.functionName !== '(garbage collector)';
// busy runs
const runs: { from: number; to: number; ms: number }[] = [];
let cur: any = null;
let gap = 0;
for (let i = 0; i < profile.samples.length; i++) {
	const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
	if (idle(profile.samples[i])) {
		gap += dt;
		if (cur && gap > 1) { runs.push(cur); cur = null; }
		continue;
	}
	gap = 0;
	if (!cur) cur = { from: i, to: i, ms: 0 };
	cur.to = i;
	cur.ms += dt;
}
if (cur) runs.push(cur);
runs.sort((a, b) => b.ms - a.ms);
console.log('busy stretches (ms):', runs.slice(0, 8).map((r) => r.ms.toFixed(1)).join(', '));
const want = process.argv[3];
const has = (run: any) => { for (let i = run.from; i <= run.to; i++) { let id = profile.samples[i]; while (id !== undefined) { if (nodes.get(id).callFrame.functionName === want) return true; id = parent.get(id)!; } } return false; };
const r = want ? runs.find(has)! : runs[0];
console.log('stretch', r.ms.toFixed(1));
const self = new Map<string, number>();
const incl = new Map<string, number>();
const label = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
for (let i = r.from; i <= r.to; i++) {
	const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
	let id = profile.samples[i];
	const l = label(nodes.get(id));
	self.set(l, (self.get(l) ?? 0) + dt);
	const seen = new Set<string>();
	while (id !== undefined) {
		const ll = label(nodes.get(id));
		if (!seen.has(ll)) { seen.add(ll); incl.set(ll, (incl.get(ll) ?? 0) + dt); }
		id = parent.get(id)!;
	}
}
const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, t]) => `${t.toFixed(1).padStart(7)}  ${l}`).join('\n');
console.log('--- self\n' + top(self, 25));
console.log('--- inclusive\n' + top(incl, 60));
await browser.close();
await site.close();
