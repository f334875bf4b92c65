import { describe, expect, it } from 'vitest';
import { duration, EVENT_BUDGET, stopReason } from '../../../simulations/rules/stop';

const request = (arriveMs: number, endMs: number | null) => ({
	arriveMs,
	endMs,
	status: endMs === null ? ('unfinished' as const) : ('ok' as const)
});

describe('stopReason(why, facts)', () => {
	it('says how many requests were left and that the queue was still growing', () => {
		// One arrives every 100 ms and only the first ten are answered: 81 open at 9 s, 90 at 10 s.
		const requests = Array.from({ length: 100 }, (_, i) =>
			request(i * 100, i < 10 ? i * 100 + 50 : null)
		);
		expect(stopReason('limit', { atMs: 10_000, limitMs: 10_000, requests })).toBe(
			'Stopped at the 10 s limit: 90 requests unfinished, the queue was still growing (81 → 90 over the last 1 s)'
		);
	});

	it('says when the queue was shrinking or held, and counts requests yet to arrive', () => {
		const shrinking = [request(0, 9_500), request(0, null), request(20_000, null)];
		expect(stopReason('limit', { atMs: 10_000, limitMs: 10_000, requests: shrinking })).toBe(
			'Stopped at the 10 s limit: 2 requests unfinished (1 not arrived yet), the queue was shrinking (2 → 1 over the last 1 s)'
		);
		expect(stopReason('limit', { atMs: 500, limitMs: 500, requests: [request(0, null)] })).toBe(
			'Stopped at the 500 ms limit: 1 request unfinished, the queue held at 1 over the last 50 ms'
		);
		expect(stopReason('limit', { atMs: 500, limitMs: 500, requests: [request(0, 10)] })).toBe(
			'Stopped at the 500 ms limit: every request had ended; work nobody awaits was still running'
		);
	});

	it('names the budget it ran into, never "hung"', () => {
		const reason = stopReason('budget', {
			atMs: 2_500,
			limitMs: 3_600_000,
			requests: [request(0, null)]
		});
		expect(reason).toMatch(
			/^stopped: this scenario needs more than 2,000,000 events, the engine's budget \(stopped at 2\.5 s;/
		);
		expect(reason).not.toMatch(/hung/);
		expect(EVENT_BUDGET).toBe(2_000_000);
	});
});

describe('duration(ms)', () => {
	it('reads as the lab writes times', () => {
		expect(duration(250)).toBe('250 ms');
		expect(duration(0.5)).toBe('0.5 ms');
		expect(duration(10_000)).toBe('10 s');
		expect(duration(2_500)).toBe('2.5 s');
		expect(duration(3_600_000)).toBe('3,600 s');
		expect(duration(519_998.7)).toBe('519.999 s');
	});
});
