import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDeadline } from '../../src/runtime/run-deadline';

afterEach(() => vi.useRealTimers());

describe("runDeadline(ms, expire): the real run's time-out (issue 15, item 9)", () => {
	it('counts from when the server starts the clock, not from when the workers were up', () => {
		vi.useFakeTimers();
		const expired: number[] = [];
		const deadline = runDeadline(1000, () => expired.push(Date.now()));
		const t0 = Date.now();
		deadline.arm(); // every worker is up
		vi.advanceTimersByTime(900); // the hand-over of the run is slow on a busy machine
		deadline.arm(); // the server's loop starts the scenario's clock
		vi.advanceTimersByTime(999);
		expect(expired).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(expired).toEqual([t0 + 1900]);
	});

	it('still expires when the server never starts, and never after it is cleared', () => {
		vi.useFakeTimers();
		let expired = 0;
		const deadline = runDeadline(1000, () => expired++);
		deadline.arm();
		vi.advanceTimersByTime(1000);
		expect(expired).toBe(1);
		deadline.arm();
		deadline.clear();
		vi.advanceTimersByTime(5000);
		expect(expired).toBe(1);
	});
});
