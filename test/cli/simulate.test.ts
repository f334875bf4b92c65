import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'ell-cli-'));
const cli = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'cli/simulate.ts', ...args], {
		encoding: 'utf8'
	});
const file = (name: string, text: string) => {
	const path = join(tmp, name);
	writeFileSync(path, text);
	return path;
};

describe('npm run simulate -- <file>', () => {
	it('prints the result@1 JSON and exits 0', () => {
		const r = cli('test/scenarios/f04-burst-sleep-blocking.json');
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
		const r = cli('test/scenarios/f24c-thread-lock-gather.json', '--trace');
		expect(r.status).toBe(0);
		const result = JSON.parse(r.stdout);
		expect(result.outcome).toBe('hung');
		expect(result.trace.length).toBeGreaterThan(10);
	});

	it('prints the text timeline with --timeline', () => {
		const r = cli('test/scenarios/f23-gather-fixed.json', '--timeline');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^# f23-gather-fixed: completed at 60 ms/);
	});

	it('prints every catalogued error on stderr with file:line:column and exits 2', () => {
		const bad = file(
			'bad.json',
			'{"format":"event-loop-lab/scenario@1","id":"x","title":"t",\n"handlers":{"h":{"steps":[{"op":"cpu","ms":"fast"}]}},\n"requests":[{"id":"r1","at":0,"handler":"nope"}]}'
		);
		const r = cli(bad);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(`${bad}:2:`);
		expect(r.stderr).toContain('E_TYPE: handlers.h.steps[0].ms');
		expect(r.stderr).toContain('E_UNKNOWN_HANDLER: requests[0].handler');
	});

	it('says where invalid JSON breaks and exits 2', () => {
		const r = cli(file('broken.json', '{\n  "id": ,\n}'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/broken\.json:2:9: E_JSON_SYNTAX/);
	});

	it('says when a file cannot be read and exits 2', () => {
		const r = cli(join(tmp, 'missing.json'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/cannot read .*missing\.json/);
	});
});
