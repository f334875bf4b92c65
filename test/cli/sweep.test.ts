import { describe, expect, it } from 'vitest';
import { sweepCommand } from '../../cli/sweep';

// The command itself with its output captured (the bin's start-up is tested in simulate.test.ts).
function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
	let stdout = '';
	let stderr = '';
	const status = sweepCommand(args, {
		out: (t) => {
			stdout += t;
		},
		err: (t) => (stderr += t)
	});
	return { status, stdout, stderr };
}
const BLOCKING = 'lessons/02-blocking-vs-offloaded/time-sleep.json';

describe('event-loop-lab sweep <file>', () => {
	it('prints a table of p99 latency, max loop lag and throughput per value, and exits 0', () => {
		const r = cli('--param', 'count', '--from', '1', '--to', '3', '--points', '3', BLOCKING);
		expect(r.status).toBe(0);
		expect(r.stdout.split('\n')).toEqual([
			'request count  p99 latency (ms)  max loop lag (ms)  throughput (requests/s)  outcome',
			'1              200               150                5                        completed',
			'2              398               350                5                        completed',
			'3              596               550                5                        completed',
			''
		]);
	});

	it('--json gives the points as the engine computes them', () => {
		const r = cli('--param=work', '--from=100', '--to=200', '--points=2', '--json', BLOCKING);
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.param).toEqual({ kind: 'workMs', step: ['handlers', 'upload', 'steps', 0] });
		expect(out.points.map((p: { p99Ms: number }) => p.p99Ms)).toEqual([492, 992]);
	});

	it.each([
		[['--param', 'speed', BLOCKING], /^--param must be one of count, rate, pool, work, share/],
		[
			['--param', 'count', '--from', '0', '--to', '5', BLOCKING],
			/time-sleep\.json: --from: expected a request count from 1 to 100000, found 0/
		],
		[
			[
				'--param',
				'work',
				'--step',
				'handlers.upload.steps[4]',
				'--from',
				'1',
				'--to',
				'5',
				BLOCKING
			],
			/^--step: no such step: handlers\.upload\.steps\[4\] \(steps you can sweep: handlers\.upload\.steps\[0\] \(block\)\)/
		]
	])('%o exits 2 and says what is wrong', (args, message) => {
		const r = cli(...args);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(message);
	});
});
