import { describe, expect, it } from 'vitest';
import { firstWake, lagSample } from '../../../simulations/rules/background';

describe('firstWake(startMs, everyMs)', () => {
	it.each([
		[-250, 100, 50, -50],
		[-200, 100, 0, -100],
		[0, 100, 100, 0],
		[30, 100, 130, 30]
	])(
		'a task started at %d ms every %d ms first wakes at %d ms, marked at %d ms',
		(s, e, due, mark) => {
			expect(firstWake(s, e)).toEqual({ dueMs: due, markMs: mark });
		}
	);
});

describe('lagSample(nowMs, markMs, everyMs)', () => {
	it('is now - mark - every, rounded to the microsecond and never below 0', () => {
		expect(lagSample(1005.0004, 50, 5)).toEqual({ atMs: 1005, lagMs: 950 });
		expect(lagSample(99.9999999, 0, 100)).toEqual({ atMs: 100, lagMs: 0 });
	});
});
