import { describe, expect, it } from 'vitest';
import { unfinishedRequests } from '../../../simulations/result';
import { assembleResult, endRequest } from '../../../simulations/rules/result';
import { scenario } from '../build';

describe('assembleResult(scenario, records)', () => {
	it('writes result@1 with times rounded to the microsecond and the outcome from hung', () => {
		const s = scenario({ h: [] }, [
			['r1', 0, 'h'],
			['r2', 1, 'h']
		]);
		const requests = unfinishedRequests(s);
		requests[0].startMs = 0.00012;
		endRequest(requests[0], 200.0004, 'error', 'ValueError: x');
		const r = assembleResult(s, {
			endMs: 1000.0001,
			hung: null,
			requests,
			heartbeats: [100.0004],
			lag: [],
			warnings: []
		});
		expect(r).toMatchObject({
			format: 'event-loop-lab/result@1',
			outcome: 'completed',
			endMs: 1000
		});
		expect(r.heartbeats).toEqual([100]);
		expect(r.requests[0]).toMatchObject({
			startMs: 0,
			endMs: 200,
			status: 'error',
			error: 'ValueError: x'
		});
		expect(r.requests[1]).toMatchObject({ startMs: null, endMs: null, status: 'unfinished' });
		const hung = assembleResult(s, { ...r, hung: { atMs: 5, reason: 'x' } });
		expect(hung.outcome).toBe('hung');
	});
});
