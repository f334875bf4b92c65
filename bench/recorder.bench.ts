// `npm run bench:recorder`: what public/event_loop_lab_record.py costs the app it records, against
// the targets (≤ 2 µs per callback, ≤ 10 % on a realistic handler). The Python side
// (bench/recorder_overhead.py) interleaves unrecorded and recorded rounds. Load only ever adds
// time, so the best round of each is the closest to the code's own cost (timeit's rule); the
// paired rounds' differences show how much the machine's load moved them.
import { spawnSync } from 'node:child_process';
import { findPython } from '../test/recorder/python';
import { finish, median, report } from './report';

interface Round {
	plainCbUs: number;
	recCbUs: number;
	plainStepUs: number;
	recStepUs: number;
}

const python = findPython();
if (!python) {
	console.log('recorder overhead: skipped (no python3 3.9 or later)');
	finish();
}
const r = spawnSync(python, ['bench/recorder_overhead.py'], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(`bench/recorder_overhead.py exited ${r.status}: ${r.stderr}`);
const { rounds, python: version } = JSON.parse(r.stdout) as { rounds: Round[]; python: string };

const best = (pick: (x: Round) => number) => Math.min(...rounds.map(pick));
const paired = (extra: (x: Round) => number) => {
	const d = rounds.map(extra);
	return `paired rounds: median ${median(d).toFixed(2)}, ${Math.min(...d).toFixed(2)} to ${Math.max(...d).toFixed(2)} over ${d.length}`;
};
report(
	`recorder overhead per empty callback (Python ${version}), best round recorded − best unrecorded`,
	best((x) => x.recCbUs) - best((x) => x.plainCbUs),
	2,
	' µs',
	paired((x) => x.recCbUs - x.plainCbUs)
);
const stepPct = (rec: number, plain: number) => ((rec - plain) / plain) * 100;
report(
	'recorder overhead on a handler of 100 µs steps, best rounds',
	stepPct(
		best((x) => x.recStepUs),
		best((x) => x.plainStepUs)
	),
	10,
	' %',
	`${best((x) => x.plainStepUs).toFixed(1)} µs a step unrecorded; ${paired((x) => stepPct(x.recStepUs, x.plainStepUs))} %`
);
finish();
