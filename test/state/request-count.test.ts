import { describe, expect, it } from 'vitest';
import { requestCount } from '../../src/state/request-count';
import sample from '../../src/sample-scenario.json';

describe('requestCount(doc)', () => {
	it('adds every arrivals entry’s count and every listed request', () => {
		expect(requestCount(sample)).toBe(5);
		expect(
			requestCount({
				arrivals: [{ count: 9000 }, { count: 1000 }],
				requests: [{ id: 'q1' }, { id: 'q2' }]
			})
		).toBe(10_002);
	});

	it('counts what is not a count as none, and a document that is not an object as empty', () => {
		expect(
			requestCount({ arrivals: [{ count: 'many' }, null, { count: -3 }, 7], requests: {} })
		).toBe(0);
		expect([requestCount(null), requestCount('x'), requestCount(undefined)]).toEqual([0, 0, 0]);
	});
});
