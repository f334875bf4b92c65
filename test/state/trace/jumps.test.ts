import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../../simulations/index';
import { nextMoment, requestMoments, stallMoments } from '../../../src/state/trace/jumps';

const result = {
	requests: [
		{ id: 'r1', arriveMs: 0, endMs: 200 },
		{ id: 'r2', arriveMs: 5, endMs: null }
	]
} as unknown as SimResult;

describe('stepping a recorded run by stall and by request', () => {
	it('lists each stall at its middle and each request’s arrival and answer in time order', () => {
		const stalls = stallMoments([
			{ atMs: 10, ms: 200, task: null, coro: null, where: '/srv/app/views.py:16', waited: [] }
		]);
		expect(stalls).toEqual([
			{ atMs: 110, what: 'inside the 200 ms stall that began at 10 ms (app/views.py:16)' }
		]);
		expect(requestMoments(result).map((m) => m.what)).toEqual([
			'r1 arrives',
			'r2 arrives',
			'r1 is answered, after 200 ms'
		]);
	});

	it('moves to the next moment after the cursor, or the last before it, and stops at the ends', () => {
		const moments = requestMoments(result);
		expect(nextMoment(moments, 0, 1)?.what).toBe('r2 arrives');
		expect(nextMoment(moments, 5, 1)?.what).toBe('r1 is answered, after 200 ms');
		expect(nextMoment(moments, 200, 1)).toBeNull();
		expect(nextMoment(moments, 200, -1)?.what).toBe('r2 arrives');
		expect(nextMoment(moments, 0.2, -1)).toBeNull();
	});
});
