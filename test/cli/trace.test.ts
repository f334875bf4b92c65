import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'ell-trace-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The source through tsx, not the bundled bin: simulate.test.ts deletes and rebuilds the bin,
// perhaps while this file runs in a parallel worker (the bin's own start-up is tested there).
const cli = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'cli/event-loop-lab.ts', ...args], {
		encoding: 'utf8'
	});
const VIZ = 'test/traces/fixtures/viztracer_async_simple.json';
const OURS = join(tmp, 'ours.json');
writeFileSync(
	OURS,
	JSON.stringify({
		otherData: { format: 'event-loop-lab/trace@1' },
		traceEvents: [
			{ ph: 'b', cat: 'request', id: '1', ts: 1000, args: { path: '/a', taskId: 3 } },
			{
				ph: 'X',
				cat: 'task-step',
				name: 'h',
				ts: 2000,
				dur: 80000,
				args: { task: 'Task-2', taskId: 2, coro: 'h', where: 'app.py:4' }
			},
			{ ph: 'e', cat: 'request', id: '1', ts: 90000 }
		]
	})
);

describe('event-loop-lab trace <file>', () => {
	it('prints the what-blocked-the-loop table with the requests that waited', () => {
		const r = cli('trace', OURS);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(
			/^# event-loop-lab trace: 1 callback\(s\) held the loop 50 ms or more\n/
		);
		expect(r.stdout).toContain('1.0 ms\t80.0 ms\tTask-2\th\tapp.py:4');
		expect(r.stdout).toContain('waited: request 1 /a +80.0 ms');
	});

	it('prints trace-summary@1 with --json, times from the first event; `trace import` reads the same', () => {
		const r = cli('trace', '--json', OURS);
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({
			format: 'event-loop-lab/trace-summary@1',
			source: 'event-loop-lab',
			notes: [],
			stalls: [{ atMs: 1, ms: 80, task: 'Task-2', coro: 'h', where: 'app.py:4' }],
			requests: [{ id: '1', path: '/a', arriveMs: 0, endMs: 89 }],
			lag: []
		});
		expect(cli('trace', 'import', OURS, '--json').stdout).toBe(r.stdout);
	});

	it('reads viztracer with a threshold', () => {
		const r = cli('trace', VIZ, '--json', '--threshold', '0.1');
		expect(r.status).toBe(0);
		const summary = JSON.parse(r.stdout);
		expect(summary.source).toBe('viztracer');
		expect(summary.stalls).toEqual([expect.objectContaining({ task: 'Task-2', coro: 'io_task' })]);
	});

	it('exits 2 naming what is missing in a foreign file, and for a missing file or bad options', () => {
		const foreign = join(tmp, 'foreign.json');
		writeFileSync(foreign, '{"spans": []}');
		const r = cli('trace', foreign);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/foreign\.json: no traceEvents array/);
		expect(cli('trace', join(tmp, 'nope.json')).stderr).toMatch(/cannot read/);
		expect(cli('trace').status).toBe(2);
		expect(cli('trace', OURS, '--threshold', 'x').stderr).toMatch(/--threshold needs a number/);
	});
});
