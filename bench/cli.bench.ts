// `npm run bench:cli`: how long `event-loop-lab` takes to start, against the 0.2 s target and
// against running the same source through tsx. Runs interleave so machine load hits each alike.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { BIN } from '../cli/build-bin';

const RUNS = 9;
const TARGET_S = 0.2;
const SMALL = 'lessons/01-restaurant/kitchen.json';

const commands: Record<string, string[]> = {
	node: ['-e', '0'],
	'bin --help': [BIN, '--help'],
	'bin simulate': [BIN, 'simulate', SMALL],
	'tsx --help': ['--import', 'tsx', 'cli/event-loop-lab.ts', '--help'],
	'tsx simulate': ['--import', 'tsx', 'cli/event-loop-lab.ts', 'simulate', SMALL]
};

const seconds: Record<string, number[]> = Object.fromEntries(
	Object.keys(commands).map((k) => [k, []])
);
for (let i = 0; i < RUNS; i++) {
	for (const [name, args] of Object.entries(commands)) {
		const start = performance.now();
		const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
		seconds[name].push((performance.now() - start) / 1000);
		if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (name: string) => median(seconds[name]);
for (const what of ['--help', 'simulate']) {
	const bin = m(`bin ${what}`);
	console.log(
		`cli start-up (${what}): ${bin.toFixed(3)} s median of ${RUNS} (target < ${TARGET_S} s: ${bin < TARGET_S ? 'met' : 'MISSED'}); ` +
			`tsx ${m(`tsx ${what}`).toFixed(3)} s, ${(m(`tsx ${what}`) / bin).toFixed(1)}x slower; bare node ${m('node').toFixed(3)} s, so the bin adds ${(bin - m('node')).toFixed(3)} s`
	);
}
