// `npm run bench:cli`: how long `event-loop-lab` takes to start, against the 0.2 s target and
// against running the same source through tsx; then a 100,000-request run with --trace, written
// as a stream to a file, against its 5 s target. Runs interleave so machine load hits each alike;
// each child also reports its own CPU time, which load distorts far less than the wall clock.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN } from '../cli/build-bin';
import { blockingService } from './blocking-service';

const RUNS = 9;
const TARGET_S = 0.2;
const SMALL = 'lessons/01-restaurant/kitchen.json';
const CPU_REPORT =
	"data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write(`\\ncpu ${(u.user+u.system)/1e6}\\n`)})";

const commands: Record<string, string[]> = {
	node: ['-e', '0'],
	'bin --help': [BIN, '--help'],
	'bin simulate': [BIN, 'simulate', SMALL],
	'tsx --help': ['--import', 'tsx', 'cli/event-loop-lab.ts', '--help'],
	'tsx simulate': ['--import', 'tsx', 'cli/event-loop-lab.ts', 'simulate', SMALL]
};

const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
for (let i = 0; i < RUNS; i++) {
	for (const [name, args] of Object.entries(commands)) {
		const start = performance.now();
		const r = spawnSync(process.execPath, ['--import', CPU_REPORT, ...args], { encoding: 'utf8' });
		(wall[name] ??= []).push((performance.now() - start) / 1000);
		if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
		(cpu[name] ??= []).push(Number(/cpu (\S+)\n$/.exec(r.stderr)?.[1]));
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (x: number) => `${x.toFixed(3)} s`;
for (const what of ['--help', 'simulate']) {
	const [bin, tsx, node] = [`bin ${what}`, `tsx ${what}`, 'node'].map((k) => median(wall[k]));
	const [binCpu, tsxCpu] = [`bin ${what}`, `tsx ${what}`].map((k) => median(cpu[k]));
	console.log(
		`cli start-up (${what}): ${s(bin)} median of ${RUNS}, target < ${TARGET_S} s: ${bin < TARGET_S ? 'met' : 'MISSED'} ` +
			`(cpu ${s(binCpu)}); tsx ${s(tsx)} (cpu ${s(tsxCpu)}), ${(tsx / bin).toFixed(1)}x slower; ` +
			`bare node ${s(node)}, so the bin adds ${s(bin - node)}`
	);
}

// At scale: the blocking-handler service, 100,000 requests, its result and trace written to a file.
const BIG = 100_000;
const BIG_TARGET_S = 5;
const dir = mkdtempSync(join(tmpdir(), 'ell-cli-bench-'));
try {
	const scenario = join(dir, 'big.json');
	writeFileSync(scenario, blockingService(BIG));
	for (const flags of [[], ['--trace']]) {
		const out = join(dir, 'big.out');
		const fd = openSync(out, 'w');
		const start = performance.now();
		const r = spawnSync(
			process.execPath,
			['--import', CPU_REPORT, BIN, 'simulate', ...flags, scenario],
			{ stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' }
		);
		const wallS = (performance.now() - start) / 1000;
		closeSync(fd);
		if (r.status !== 0)
			throw new Error(`simulate ${flags.join(' ')} exited ${r.status}: ${r.stderr}`);
		const cpuS = Number(/cpu (\S+)\n$/.exec(r.stderr)?.[1]);
		const mb = statSync(out).size / 1e6;
		const what = `cli simulate ${BIG.toLocaleString('en')} requests${flags.length ? ' --trace' : ''}`;
		const verdict = flags.length
			? `, target <= ${BIG_TARGET_S} s: ${wallS <= BIG_TARGET_S ? 'met' : 'MISSED'}`
			: '';
		console.log(
			`${what}: ${s(wallS)} wall (cpu ${s(cpuS)}), ${mb.toFixed(0)} MB written${verdict}`
		);
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
