import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir';

const cli = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'cli/export.ts', ...args], { encoding: 'utf8' });
const out = () => tempDir('ell-export-');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('npm run export -- <lesson>', () => {
	it('writes one step as SVG and PNG, and names the files on stdout', () => {
		const dir = out();
		const r = cli('gather-deadlock', '--step', '4', '--out', dir);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const svg = join(dir, 'gather-deadlock-step-4.svg');
		const png = join(dir, 'gather-deadlock-step-4.png');
		expect(r.stdout).toBe(`${svg}\n${png}\n`);
		expect(readFileSync(svg, 'utf8')).toMatch(
			/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="960"/
		);
		const bytes = readFileSync(png);
		expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
		// IHDR: width and height, big-endian, right after the signature and chunk header.
		const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
		expect(width).toBe(1200);
		expect(height).toBeGreaterThan(400);
		expect(height).toBeLessThan(2000);
	});

	it('writes every step when --step is absent, in the format and theme asked for', () => {
		const dir = out();
		const r = cli('01-restaurant', '--out', dir, '--format', 'svg', '--theme', 'dark');
		expect(r.status).toBe(0);
		const files = readdirSync(dir);
		expect(files.length).toBeGreaterThanOrEqual(8);
		expect(files.every((f) => /^restaurant-step-\d+\.svg$/.test(f))).toBe(true);
		expect(readFileSync(join(dir, 'restaurant-step-1.svg'), 'utf8')).toContain('fill="#121417"');
	});

	it('names the known lessons for an unknown one and exits 2', () => {
		const dir = out();
		const r = cli('no-such-lesson', '--out', dir);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('there is no lesson called “no-such-lesson”');
		expect(r.stderr).toContain('restaurant, blocking-vs-offloaded');
		expect(r.stderr).not.toMatch(/\n\s+at /);
		expect(readdirSync(dir)).toEqual([]);
	});

	it.each([
		[
			['gather-deadlock', '--step', '99'],
			/--step 99 is out of range: lesson gather-deadlock has steps 1 to 19/
		],
		[['gather-deadlock', '--step', '0'], /--step 0 is out of range/],
		[['gather-deadlock', '--step', 'two'], /--step must be a step number from 1 to \d+, not “two”/],
		[['gather-deadlock', '--theme', 'sepia'], /--theme must be one of light, dark/],
		[['gather-deadlock', '--bogus'], /Unknown option '--bogus'/],
		[[], /name one lesson/]
	])('rejects %j with a message and exit code 2', (args, message) => {
		const r = cli(...args, '--out', join(out(), 'never'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).toContain('usage: npm run export');
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('says when the output folder cannot be written and exits 2', () => {
		const r = cli('gather-deadlock', '--step', '1', '--out', 'package.json/inside');
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/cannot write package\.json\/inside/);
		expect(existsSync('package.json/inside')).toBe(false);
	});
});
