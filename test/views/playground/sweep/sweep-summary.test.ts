import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planSweep, sweep } from '../../../../simulations/sweep/index';
import { sweepSummary } from '../../../../src/views/playground/sweep/sweep-summary';

const lesson = (variant: string): unknown =>
	JSON.parse(readFileSync(`lessons/02-blocking-vs-offloaded/${variant}.json`, 'utf8'));

function summary(doc: unknown, from: number, to: number, points: number): string[] {
	const plan = planSweep(doc, { kind: 'requestCount', arrival: 0 }, { from, to, points });
	if (!plan.ok) throw new Error(plan.problems.join());
	return sweepSummary(sweep(doc, plan.spec), 'request count');
}

describe('sweepSummary(points, axis)', () => {
	it('says where p99 doubles, that throughput stays flat, and the worst lag (blocking upload)', () => {
		expect(summary(lesson('time-sleep'), 1, 20, 20)).toEqual([
			'p99 latency goes from 200 ms at request count 1 to 3,962 ms at request count 20. It doubles by request count 3.',
			'Throughput stays at 5 requests/s across the range.',
			'The loop lags at most 3,950 ms, at request count 20.'
		]);
	});

	it('says which runs did not complete and which values could not run', () => {
		const doc = { ...(lesson('time-sleep') as object), limitMs: 700 };
		const lines = summary(doc, 1, 5, 5);
		// Runs cut off at limitMs: "hung" today, perhaps "stopped" once outcomes say so.
		expect(lines.join('\n')).toMatch(
			/^2 of the runs did not complete \((hung|stopped), from request count 4\): requests were still waiting, so their p99 and lag are lower bounds\.$/m
		);
		const refused = sweepSummary([{ value: 0, ok: false, problem: 'arrivals[0].count: …' }], 'x');
		expect(refused).toEqual(['1 value could not run; at x 0: arrivals[0].count: …']);
	});
});
