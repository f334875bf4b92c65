// A real service recorded: test/recorder/fixtures/blocking_app.py under real uvicorn (--loop
// asyncio) and the recorder, one burst of 8 requests over loopback on connections the client
// opened first (3 block the loop 200 ms, 3 await 200 ms, 2 offload 200 ms), then our own
// importer reads the trace. Tolerances are wide because two shared cores can stretch any step;
// what must hold is the shape, not the speed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../simulations/index';
import {
	agreementOf,
	findStalls,
	importTrace,
	toScenario,
	type TraceModel
} from '../../src/traces/index';
import { findPython } from './python';

const python = findPython(['fastapi', 'uvicorn']);
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

describe.skipIf(!python)('a FastAPI service recorded under uvicorn --loop asyncio', () => {
	const tmp = mkdtempSync(join(tmpdir(), 'ell-service-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));
	const run = spawnSync(python!, ['test/recorder/record_service.py', tmp], {
		encoding: 'utf8',
		timeout: 60_000
	});
	const measured =
		run.status === 0
			? (JSON.parse(run.stdout) as { trace: string; requests: ClientRequest[] })
			: undefined;
	const imported = measured ? importTrace(readFileSync(measured.trace, 'utf8')) : undefined;
	const model = (imported?.ok ? imported.model : undefined) as TraceModel;
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
			expect(s.where).toMatch(/blocking_app\.py:16$/);
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
		expect(blocks().some((s) => s.waited.some((w) => w.seen === 'in-loop'))).toBe(true);
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
	// The recording measures that time, so the tolerance is it plus 5 ms, however busy the machine.
	it('"Make this a scenario": the model re-simulates each request to end within the loop time it leaves out (+5 ms) of the recording', () => {
		const doc = toScenario(model);
		expect(doc.requests).toHaveLength(8);
		const parsed = parseScenario(JSON.stringify(doc));
		if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
		const result = simulate(parsed.scenario);
		expect(result.outcome).toBe('completed');
		for (const a of agreementOf(model, result.requests))
			expect(
				Math.abs(a.simulatedEndMs! - a.recordedEndMs),
				`${a.id} ${a.path}: ${a.unmodelledMs.toFixed(1)} ms unmodelled`
			).toBeLessThanOrEqual(a.unmodelledMs + 5);
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
