import { roundMs } from '../result';

/**
 * When a background task started at `startMs` (before 0: in steady state at 0) first wakes: the
 * first `startMs + k·everyMs ≥ 0` with k ≥ 1, and the mark its lag monitor set one period earlier.
 */
export function firstWake(startMs: number, everyMs: number): { dueMs: number; markMs: number } {
	const k = Math.max(1, Math.ceil(-startMs / everyMs));
	const dueMs = startMs + k * everyMs;
	return { dueMs, markMs: dueMs - everyMs };
}

/** The lag monitor's sample at `nowMs`: `lag = now − mark − every` (never below 0), rounded. */
export function lagSample(
	nowMs: number,
	markMs: number,
	everyMs: number
): { atMs: number; lagMs: number } {
	return { atMs: roundMs(nowMs), lagMs: roundMs(Math.max(0, nowMs - markMs - everyMs)) };
}
