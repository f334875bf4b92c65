// `npm run bench:recorder`: what public/event_loop_lab_record.py costs the app it records, against
// the targets (≤ 2 µs per callback, ≤ 10 % on a realistic handler). The Python side
// (bench/recorder_overhead.py) interleaves unrecorded and recorded rounds; medians are printed.
import { spawnSync } from 'node:child_process';
import { findPython } from '../test/recorder/python';
import { finish, median, report } from './report';

const python = findPython();
if (!python) {
	console.log('recorder overhead: skipped (no python3 3.9 or later)');
	finish();
}
const r = spawnSync(python, ['bench/recorder_overhead.py'], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(`bench/recorder_overhead.py exited ${r.status}: ${r.stderr}`);
const {
	emptyUs,
	handlerPct,
	python: version
} = JSON.parse(r.stdout) as {
	emptyUs: number[];
	handlerPct: number[];
	python: string;
};
const spread = (xs: number[]) =>
	`${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} over ${xs.length} rounds`;
report(
	`recorder overhead per empty callback (Python ${version})`,
	median(emptyUs),
	2,
	' µs',
	spread(emptyUs)
);
report(
	'recorder overhead on a handler of 100 µs steps',
	median(handlerPct),
	10,
	' %',
	spread(handlerPct)
);
finish();
