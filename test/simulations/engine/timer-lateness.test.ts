import { describe, expect, it } from 'vitest';
import { EPOLL_OVERSHOOT_MS, selectSleepMs } from '../../../simulations/engine/timer-lateness';

describe('selectSleepMs(timeoutMs, lateness)', () => {
	const cases: [number, 'epoll' | 'exact', number][] = [
		[35, 'exact', 35],
		[0.4, 'exact', 0.4],
		[35, 'epoll', 35 + EPOLL_OVERSHOOT_MS],
		// Sums of fractional times: 35.000000000000007 is still a 35 ms timeout.
		[70.3 - 35.3, 'epoll', 35 + EPOLL_OVERSHOOT_MS],
		[24.5, 'epoll', 25 + EPOLL_OVERSHOOT_MS],
		[0.01, 'epoll', 1 + EPOLL_OVERSHOOT_MS]
	];
	for (const [timeout, lateness, expected] of cases) {
		it(`${lateness}: a ${timeout} ms timeout sleeps ${expected} ms`, () => {
			expect(selectSleepMs(timeout, lateness)).toBeCloseTo(expected, 9);
		});
	}
});
