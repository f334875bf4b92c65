import { describe, expect, it } from 'vitest';
import { type SimResult } from '../../../simulations/index';
import { percentile, runMetrics } from '../../../simulations/sweep/index';

const result = (over: Partial<SimResult>): SimResult => ({
	format: 'event-loop-lab/result@1',
	scenario: 's',
	outcome: 'completed',
	endMs: 1000,
	hung: null,
	requests: [],
	heartbeats: [],
	lag: [],
	warnings: [],
	...over
});
const req = (arriveMs: number, endMs: number | null, status: 'ok' | 'error' | 'unfinished') => ({
	id: `r${arriveMs}`,
	handler: 'h',
	arriveMs,
	startMs: arriveMs,
	endMs,
	status
});

describe('percentile(values, p)', () => {
	it.each([
		[[], 99, null],
		[[5], 99, 5],
		[[1, 2, 3, 4], 50, 2],
		[Array.from({ length: 100 }, (_, i) => 100 - i), 99, 99],
		[Array.from({ length: 20 }, (_, i) => i), 99, 19]
	])('nearest rank of %o at %d is %s', (values, p, want) => {
		expect(percentile(values, p)).toBe(want);
	});
});

describe('runMetrics(result)', () => {
	it('latency is arrival to response; throughput counts ok answers from the first arrival to the last', () => {
		const m = runMetrics(
			result({
				requests: [req(0, 200, 'ok'), req(100, 500, 'error'), req(200, 400, 'ok')],
				lag: [
					{ atMs: 100, lagMs: 3 },
					{ atMs: 400, lagMs: 250 }
				]
			})
		);
		expect(m).toMatchObject({
			p99Ms: 400,
			p99AtLeast: false,
			maxLagMs: 250,
			answered: 2,
			failed: 1
		});
		expect(m.throughputPerS).toBe(5); // 2 ok in 0.4 s
	});

	it('an unfinished request counts with its wait to the end of the run, and p99 says "at least"', () => {
		const m = runMetrics(
			result({
				outcome: 'hung',
				endMs: 5000,
				requests: [req(0, 200, 'ok'), req(10, null, 'unfinished')]
			})
		);
		expect(m).toMatchObject({ p99Ms: 4990, p99AtLeast: true, unfinished: 1 });
		expect(m.throughputPerS).toBe(0.2); // 1 ok in the 5 s the run lasted
	});

	it('without a lag monitor there is no lag figure', () => {
		expect(runMetrics(result({ requests: [req(0, 10, 'ok')] })).maxLagMs).toBeNull();
	});

	it('a sample the loop never let the monitor take counts as at least how late it is at the end', () => {
		const monitor = { kind: 'lagMonitor', everyMs: 100, startMs: -250 } as const;
		const blocked = result({
			outcome: 'hung',
			endMs: 1000,
			requests: [req(0, null, 'unfinished')],
			lag: [{ atMs: 100, lagMs: 50 }]
		});
		// Marked at 100, due at 200, still asleep at 1000: 800 ms late.
		expect(runMetrics(blocked, monitor)).toMatchObject({ maxLagMs: 800, maxLagAtLeast: true });
		// No sample at all: steady state at 0, so the sleep was marked at −50 and due at 50.
		const none = result({ endMs: 300, requests: [req(0, 300, 'ok')] });
		expect(runMetrics(none, monitor)).toMatchObject({ maxLagMs: 250, maxLagAtLeast: true });
		const sampled = result({
			endMs: 120,
			requests: [req(0, 120, 'ok')],
			lag: [{ atMs: 100, lagMs: 9 }]
		});
		expect(runMetrics(sampled, monitor)).toMatchObject({ maxLagMs: 9, maxLagAtLeast: false });
	});
});
