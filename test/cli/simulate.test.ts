import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildBin } from '../../cli/build-bin';
import { formatTimeline, simulate, type SimResult } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';

// The tests run the compiled bin, as `npx event-loop-lab` does, built afresh so it is never stale
// and so its mode is the one a fresh clone gets.
beforeAll(async () => {
	rmSync(BIN, { force: true });
	await buildBin();
});

const tmp = mkdtempSync(join(tmpdir(), 'ell-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) =>
	spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const file = (name: string, text: string) => {
	const path = join(tmp, name);
	writeFileSync(path, text);
	return path;
};

/** A scenario file of `count` requests to a handler that blocks for `ms`, one every `everyMs`. */
const blocking = (
	id: string,
	o: { ms: number; count: number; everyMs: number; limitMs: number }
): string =>
	file(
		`${id}.json`,
		JSON.stringify({
			format: 'event-loop-lab/scenario@1',
			id,
			title: id,
			limitMs: o.limitMs,
			handlers: { h: { steps: [{ op: 'block', ms: o.ms }] } },
			arrivals: [{ handler: 'h', count: o.count, everyMs: o.everyMs }]
		})
	);

describe('event-loop-lab simulate <file>', () => {
	it('prints the result@1 JSON and exits 0', () => {
		const r = cli('simulate', 'lessons/02-blocking-vs-offloaded/time-sleep.json');
		expect(r.status).toBe(0);
		const result = JSON.parse(r.stdout);
		expect(result).toMatchObject({
			format: 'event-loop-lab/result@1',
			outcome: 'completed',
			endMs: 1000
		});
		expect(result.trace).toBeUndefined();
	});

	it('exits 0 for a hung outcome and includes the trace with --trace', () => {
		const r = cli('simulate', 'lessons/06-gather-deadlock/thread-lock-gather.json', '--trace');
		expect(r.status).toBe(0);
		const result = JSON.parse(r.stdout);
		expect(result.outcome).toBe('hung');
		expect(result.trace.length).toBeGreaterThan(10);
	});

	it('prints the text timeline with --timeline, also with --engine model', () => {
		const path = 'lessons/06-gather-deadlock/fixed.json';
		const r = cli('simulate', '--engine', 'model', path, '--timeline');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^# gather-fixed: completed at 60 ms\n/);
		expect(cli('simulate', '--engine=model', '--timeline', path).stdout).toBe(r.stdout);
	});

	it('prints a Chrome Trace file with --chrome-trace: the run as Perfetto draws it', () => {
		const r = cli('simulate', '--chrome-trace', 'lessons/02-blocking-vs-offloaded/time-sleep.json');
		expect(r.status).toBe(0);
		const file = JSON.parse(r.stdout);
		expect(file.otherData).toMatchObject({
			format: 'event-loop-lab/simulated-trace@1',
			engine: 'model',
			outcome: 'completed'
		});
		const steps = file.traceEvents.filter((e: { cat?: string }) => e.cat === 'task-step');
		expect(steps.length).toBeGreaterThanOrEqual(5);
	});

	it('writes the result as a stream, byte for byte what JSON.stringify(result, null, 2) gives', () => {
		for (const path of [
			'lessons/02-blocking-vs-offloaded/time-sleep.json',
			'lessons/06-gather-deadlock/thread-lock-gather.json'
		]) {
			const parsed = parseScenario(readFileSync(path, 'utf8'));
			if (!parsed.ok) throw new Error(`${path} parses`);
			const traced = simulate(parsed.scenario, { trace: true });
			expect(cli('simulate', path, '--trace').stdout).toBe(`${JSON.stringify(traced, null, 2)}\n`);
			expect(cli('simulate', path, '--timeline').stdout).toBe(formatTimeline(traced));
		}
	});

	it('writes a 20,000-request traced run without building it as one string, and exits 0', () => {
		// A blocking handler under a steady stream of requests, as lesson 2's at scale.
		const big = blocking('big', { ms: 2, count: 20_000, everyMs: 2.5, limitMs: 3_600_000 });
		const out = join(tmp, 'big.out');
		const fd = openSync(out, 'w');
		const r = spawnSync(process.execPath, [BIN, 'simulate', '--trace', big], {
			stdio: ['ignore', fd, 'pipe'],
			encoding: 'utf8'
		});
		closeSync(fd);
		expect([r.status, r.stderr]).toEqual([0, '']);
		const result = JSON.parse(readFileSync(out, 'utf8'));
		expect(result.outcome).toBe('completed');
		expect(result.requests).toHaveLength(20_000);
		expect(result.trace.at(-1)).toMatchObject({ type: 'end', detail: { outcome: 'completed' } });
	});

	it('exits 0 for a run stopped at its limit, with the reason in the result', () => {
		const slow = blocking('slow', { ms: 20, count: 100, everyMs: 10, limitMs: 1000 });
		const r = cli('simulate', slow);
		expect(r.status).toBe(0);
		const result = JSON.parse(r.stdout);
		expect([result.outcome, result.hung, result.stopped.why]).toEqual(['stopped', null, 'limit']);
		expect(result.stopped.reason).toMatch(
			/^Stopped at the 1 s limit: 50 requests unfinished, the queue was still growing/
		);
	});

	it('stops quietly when its reader stops early (`| head`): no EPIPE stack trace', () => {
		// Megabytes of trace, far more than a pipe holds, so the write fails once head has gone.
		const many = file(
			'many.json',
			JSON.stringify({
				format: 'event-loop-lab/scenario@1',
				id: 'many',
				title: 'many',
				limitMs: 100_000,
				handlers: { h: { steps: [{ op: 'cpu', ms: 1 }] } },
				requests: Array.from({ length: 3000 }, (_, i) => ({ id: `r${i + 1}`, at: i, handler: 'h' }))
			})
		);
		const r = spawnSync(
			'sh',
			['-c', `"${process.execPath}" "${BIN}" simulate --trace "${many}" | head -c 20 >/dev/null`],
			{ encoding: 'utf8' }
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
	});

	it('prints every catalogued error on stderr with file:line:column and exits 2', () => {
		const bad = file(
			'bad.json',
			'{"format":"event-loop-lab/scenario@1","id":"x","title":"t",\n"handlers":{"h":{"steps":[{"op":"cpu","ms":"fast"}]}},\n"requests":[{"id":"r1","at":0,"handler":"nope"}]}'
		);
		const r = cli('simulate', bad);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(`${bad}:2:`);
		expect(r.stderr).toContain('E_TYPE: handlers.h.steps[0].ms');
		expect(r.stderr).toContain('E_UNKNOWN_HANDLER: requests[0].handler');
	});

	it('says where invalid JSON breaks and exits 2', () => {
		const r = cli('simulate', file('broken.json', '{\n  "id": ,\n}'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/broken\.json:2:9: E_JSON_SYNTAX/);
	});

	it('says when a file cannot be read and exits 2', () => {
		const r = cli('simulate', join(tmp, 'missing.json'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/cannot read .*missing\.json/);
	});

	it('rejects an unknown option or a second file with the usage and exits 2', () => {
		for (const args of [
			['--fast', 'a.json'],
			['a.json', 'b.json'],
			['--engine', 'pypy', 'a.json']
		]) {
			const r = cli('simulate', ...args);
			expect(r.status, args.join(' ')).toBe(2);
			expect(r.stderr).toContain('usage: event-loop-lab simulate');
		}
	});
});

describe('event-loop-lab simulate --engine cpython <file>', () => {
	it('prints the same result@1 as the model for a lesson variant and exits 0', () => {
		const path = 'lessons/02-blocking-vs-offloaded/time-sleep.json';
		const r = cli('simulate', '--engine', 'cpython', path);
		expect(r.status).toBe(0);
		const exact = JSON.parse(r.stdout);
		const model = JSON.parse(cli('simulate', path).stdout);
		expect(exact.format).toBe('event-loop-lab/result@1');
		expect(exact.requests).toEqual(model.requests);
		expect(exact.lag).toEqual([{ atMs: 1000, lagMs: 950 }]);
	});

	it("--timeline prints CPython's loop, a hang included, and exits 0", () => {
		const r = cli(
			'simulate',
			'--engine=cpython',
			'--timeline',
			'lessons/06-gather-deadlock/lost-wakeup.json'
		);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^# sequential-lost-wakeup: hung at 20 ms\n/);
		expect(r.stdout).toContain('ready += main step [unsafe]');
	});

	it("runs FastAPI def endpoints on CPython's loop: the 41st call waits for one of anyio's 40 tokens", () => {
		const r = cli('simulate', '--engine', 'cpython', 'test/scenarios/f32-def-endpoint-41.json');
		expect(r.status).toBe(0);
		const ends = (JSON.parse(r.stdout) as SimResult).requests.map((q) => q.endMs);
		expect(ends).toEqual([...Array<number>(40).fill(200), 400]);
	});

	it('exits 2 for an unknown engine', () => {
		const r = cli('simulate', '--engine', 'jython', 'lessons/06-gather-deadlock/fixed.json');
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('unknown option --engine jython');
	});
});

describe('event-loop-lab --help and unknown commands', () => {
	it('--help prints the usage and exits 0; no command or an unknown one exits 2', () => {
		const help = cli('--help');
		expect(help.status).toBe(0);
		expect(help.stdout).toMatch(/^usage: event-loop-lab simulate/);
		expect(cli().status).toBe(2);
		expect(cli('simulte').stderr).toContain('unknown command simulte');
	});
});

describe('npx event-loop-lab in the project folder', () => {
	it("runs this package's own bin offline, without asking a registry", () => {
		const r = spawnSync('npx', ['--offline', 'event-loop-lab', '--help'], {
			encoding: 'utf8',
			env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' }
		});
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^usage: event-loop-lab simulate/);
	});
});
