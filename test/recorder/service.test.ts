// A real service recorded: test/recorder/fixtures/blocking_app.py under real uvicorn (--loop
// asyncio) and the recorder, one burst of 8 requests over loopback on connections the client
// opened first (3 block the loop 200 ms, 3 await 200 ms, 2 offload 200 ms; the first, a block,
// goes 50 ms ahead and the rest arrive while it holds the loop), then our own importer reads
// the trace. Tolerances are wide because two shared cores can stretch any step;
// what must hold is the shape, not the speed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import {
	agreementOf,
	findStalls,
	importTrace,
	toScenario,
	whatIf,
	type ScenarioDocument,
	type TraceModel
} from '../../src/traces/index';
import { findPython } from './python';

const python = findPython(['fastapi', 'uvicorn']);
/** The line of the blocking endpoint's time.sleep, where the stall samples must point. */
const SLEEP_LINE =
	readFileSync('test/recorder/fixtures/blocking_app.py', 'utf8')
		.split('\n')
		.findIndex((line) => line.trim() === 'time.sleep(BLOCK_S)') + 1;
if (!python)
	console.warn(
		'recorded-service test skipped: no python3 with fastapi and uvicorn (apt-get install python3-fastapi python3-uvicorn)'
	);

interface ClientRequest {
	path: string;
	sentMs: number;
	doneMs: number;
	ms: number;
	status: number;
}

/** The service served once under the recorder (`fixed`: its blocking endpoint offloaded). */
function recordService(tmp: string, fixed: boolean) {
	const run = spawnSync(
		python!,
		['test/recorder/record_service.py', tmp, ...(fixed ? ['--fixed'] : [])],
		{ encoding: 'utf8', timeout: 60_000 }
	);
	const measured =
		run.status === 0
			? (JSON.parse(run.stdout) as { trace: string; requests: ClientRequest[] })
			: undefined;
	const imported = measured ? importTrace(readFileSync(measured.trace, 'utf8')) : undefined;
	const model = (imported?.ok ? imported.model : undefined) as TraceModel;
	return { run, measured, imported, model };
}

/** Simulates a scenario document, failing the test on a document the engine refuses. */
function simulated(doc: ScenarioDocument) {
	const parsed = parseScenario(JSON.stringify(doc));
	if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
	return simulate(parsed.scenario);
}

/** How long each request waited for others: its latency less its own steps. */
function waitedForOthers(doc: ScenarioDocument, latencyOf: (id: string) => number) {
	return doc.requests.map((r) => {
		const own = doc.handlers[r.handler].steps.reduce((sum, step) => sum + step.ms, 0);
		return { id: r.id, handler: r.handler, ms: latencyOf(r.id) - own };
	});
}

/** The most loop time a recording shows the model leaves out, up to any request's end. */
const unmodelled = (m: TraceModel) =>
	Math.max(
		...agreementOf(
			m,
			m.requests.map((_, i) => ({ id: `r${i + 1}`, endMs: null }))
		).map((a) => a.unmodelledMs)
	);

/** All the loop time a document's handlers hold (their cpu and block steps). */
const held = (doc: ScenarioDocument) =>
	Object.values(doc.handlers)
		.flatMap((h) => h.steps)
		.filter((s) => s.op === 'cpu' || s.op === 'block')
		.reduce((sum, s) => sum + s.ms, 0);

describe.skipIf(!python)('a FastAPI service recorded under uvicorn --loop asyncio', () => {
	const tmp = mkdtempSync(join(tmpdir(), 'ell-service-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));
	const { run, measured, imported, model } = recordService(tmp, false);
	const blocks = () => findStalls(model, 100).filter((s) => s.where?.includes('blocking_app.py'));

	it('served the whole burst and wrote a trace our importer reads', () => {
		expect(run.stderr).not.toMatch(/Traceback/);
		expect(run.status).toBe(0);
		expect(measured!.requests.map((r) => r.status)).toEqual(Array(8).fill(200));
		expect(imported).toMatchObject({ ok: true });
		expect(model.requests.map((r) => r.path).sort()).toEqual(
			measured!.requests.map((r) => r.path).sort()
		);
	});

	it('finds one stretch of 150–400 ms per blocking request, at the time.sleep line, in its task', () => {
		const found = blocks();
		expect(found).toHaveLength(3);
		for (const s of found) {
			expect(s.ms).toBeGreaterThanOrEqual(150);
			expect(s.ms).toBeLessThanOrEqual(400);
			expect(s.where).toMatch(new RegExp(`blocking_app\\.py:${SLEEP_LINE}$`));
		}
		const blockTasks = model.requests.filter((r) => r.path === '/block').map((r) => r.taskId);
		const stallTasks = findStalls(model, 100)
			.filter((s) => s.where?.includes('blocking_app.py'))
			.map((s) => model.slices.find((x) => x.atMs === s.atMs)!.taskId);
		expect(stallTasks.sort()).toEqual(blockTasks.sort());
	});

	it('the awaiting and offloaded requests never hold the loop: the pool ran the offloaded sleeps', () => {
		expect(model.pool.filter((w) => w.fn === 'sleep')).toHaveLength(2);
		for (const w of model.pool) expect(w.ms).toBeGreaterThanOrEqual(150);
	});

	it('the request that ended last and every awaiting or offloaded one waited behind a block, and the client waited at least as long as all blocks', () => {
		const last = [...model.requests].sort((a, b) => b.endMs - a.endMs)[0];
		expect(blocks().some((s) => s.waited.some((w) => w.id === last.id))).toBe(true);
		const behind = new Set(blocks().flatMap((s) => s.waited.map((w) => w.id)));
		for (const r of model.requests.filter((r) => r.path !== '/block'))
			expect(behind).toContain(r.id);
		// Which requests the app had read before a block ended depends on how two busy cores order
		// the reads, so neither kind is required; each waiter's kind must match the recording.
		const byId = new Map(model.requests.map((r) => [r.id, r]));
		for (const s of blocks())
			for (const w of s.waited) {
				const r = byId.get(w.id)!;
				const end = s.atMs + s.ms;
				if (w.seen === 'in-loop')
					expect(Math.min(r.endMs, end) - Math.max(r.arriveMs, s.atMs)).toBeGreaterThan(0);
				else expect(r.arriveMs).toBeGreaterThanOrEqual(end);
			}
		const blocked = blocks().reduce((sum, s) => sum + s.ms, 0);
		const slowest = Math.max(...measured!.requests.map((r) => r.ms));
		expect(slowest).toBeGreaterThanOrEqual(0.9 * blocked);
	});

	it('reports the lag a block caused: some timer ran 100 ms or more late, none later than all blocks', () => {
		const worst = Math.max(...model.lag.map((l) => l.lagMs));
		expect(worst).toBeGreaterThanOrEqual(100);
		expect(worst).toBeLessThanOrEqual(blocks().reduce((sum, s) => sum + s.ms, 0) + 100);
	});

	// The document carries every measured run and await of each request's task; what it leaves
	// out is the loop's time outside them and outside select: uvicorn's own callbacks (well under
	// 1 ms each, a few per request), the recorder, and any moment the OS did not run the thread.
	// The recording measures that time; 20 ms more cover a pool thread's hand-back to the loop
	// after its work item, which no trace records (1–3 ms apart when the machine is idle; a wrong
	// order of handlers would be a whole 200 ms stretch apart).
	it('"Make this a scenario": the model re-simulates each request to end within the loop time it leaves out (+20 ms) of the recording', () => {
		const doc = toScenario(model);
		expect(doc.requests).toHaveLength(8);
		const result = simulated(doc);
		expect(result.outcome).toBe('completed');
		for (const a of agreementOf(model, result.requests))
			expect(
				Math.abs(a.simulatedEndMs! - a.recordedEndMs),
				`${a.id} ${a.path}: ${a.unmodelledMs.toFixed(1)} ms unmodelled`
			).toBeLessThanOrEqual(a.unmodelledMs + 20);
	});

	// The what-if offloads every /block stretch; then the service is served again with that fix.
	// Both say the same: no request waits for another's work any more, where before the slowest
	// waited behind two blocks at least (its own await may overlap the third). Each side allows
	// the loop time its handlers still hold (well under a millisecond each when the machine is
	// idle, more when the OS stops the loop thread mid-step), the loop time its recording shows
	// the model leaves out, and 20 ms for the pool threads' scheduling, which no trace records.
	it('what if /block offloaded its sleep: the model predicts no request waits for another, and the fixed service measures that', () => {
		const latency = (requests: { id: string; arriveMs: number; endMs: number | null }[]) => {
			const byId = new Map(requests.map((r) => [r.id, r.endMs! - r.arriveMs]));
			return (id: string) => byId.get(id)!;
		};
		const before = toScenario(model);
		const waitedBefore = waitedForOthers(before, latency(simulated(before).requests));
		expect(Math.max(...waitedBefore.map((w) => w.ms))).toBeGreaterThanOrEqual(2 * 150);

		const after = whatIf(before, (handler) => handler.endsWith('-block'), 'offload');
		const blockSteps = Object.entries(after.handlers)
			.filter(([name]) => name.endsWith('-block'))
			.flatMap(([, h]) => h.steps.map((s) => s.op));
		expect(blockSteps).toContain('offload');
		expect(blockSteps).not.toContain('block');
		for (const w of waitedForOthers(after, latency(simulated(after).requests)))
			expect(w.ms, `predicted ${w.id} ${w.handler}`).toBeLessThanOrEqual(
				held(after) + unmodelled(model) + 20
			);

		const fixed = recordService(tmp, true);
		expect(fixed.measured!.requests.map((r) => r.status)).toEqual(Array(8).fill(200));
		expect(
			findStalls(fixed.model, 100).filter((s) => s.where?.includes('blocking_app.py'))
		).toEqual([]);
		const measuredFix = fixed.model.requests.map((r, i) => ({ ...r, id: `r${i + 1}` }));
		const recordedFix = toScenario(fixed.model);
		for (const w of waitedForOthers(recordedFix, latency(measuredFix)))
			expect(w.ms, `measured ${w.id} ${w.handler}`).toBeLessThanOrEqual(
				held(recordedFix) + unmodelled(fixed.model) + 20
			);
	});

	it('`event-loop-lab trace import FILE --json` (the CLI) reports the same three blocks', () => {
		const r = spawnSync(
			process.execPath,
			[
				'--import',
				'tsx',
				'cli/event-loop-lab.ts',
				'trace',
				'import',
				measured!.trace,
				'--json',
				'--threshold',
				'100'
			],
			{
				encoding: 'utf8'
			}
		);
		expect(r.status).toBe(0);
		const summary = JSON.parse(r.stdout);
		expect(summary).toMatchObject({
			format: 'event-loop-lab/trace-summary@1',
			source: 'event-loop-lab'
		});
		const cliBlocks = summary.stalls.filter((s: { where: string }) =>
			s.where.includes('blocking_app.py')
		);
		expect(cliBlocks.map((s: { atMs: number }) => s.atMs)).toEqual(blocks().map((s) => s.atMs));
		expect(summary.requests).toHaveLength(8);
	});
});
