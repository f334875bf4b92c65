import type { TimerLateness } from '../scenario/types';

/**
 * How far past its deadline a wake-up from a sleeping select() lands, in ms (F37: 0.1–0.3 ms per
 * wake-up measured). A fixed figure keeps runs byte-identical without spending the seeded random
 * stream; the top of the range also stands for the loop's own Python around each wake-up, which
 * the model charges as 0 ms (a lock handed along tasks that sleep 35 ms steps by 35.3–35.8 ms).
 */
export const EPOLL_OVERSHOOT_MS = 0.3;

// Sim times are sums of fractional ms: a timeout of 35 ms must not round up to 36 by 1e-14.
const ROUNDING_SLACK_MS = 1e-6;

/**
 * How long a select() with a positive `timeoutMs` sleeps when nothing wakes it: `exact` = the
 * timeout; `epoll` = CPython's `EpollSelector.select` on Linux, which rounds the timeout up to a
 * whole millisecond (`math.ceil(timeout * 1e3) * 1e-3`), plus the wake-up's overshoot.
 */
export function selectSleepMs(timeoutMs: number, lateness: TimerLateness): number {
	if (lateness === 'exact') return timeoutMs;
	return Math.ceil(timeoutMs - ROUNDING_SLACK_MS) + EPOLL_OVERSHOOT_MS;
}
