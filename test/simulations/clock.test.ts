import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../simulations/clock';

describe('VirtualClock', () => {
	it('runs timeouts in time order, FIFO for equal times, and skips cleared ones', () => {
		const clock = new VirtualClock();
		const log: string[] = [];
		clock.setTimeout(() => log.push(`b@${clock.now()}`), 10);
		clock.setTimeout(() => log.push(`a@${clock.now()}`), 5);
		const id = clock.setTimeout(() => log.push('never'), 7);
		clock.setTimeout(() => log.push(`c@${clock.now()}`), 10);
		clock.clearTimeout(id);
		while (clock.step());
		expect(log).toEqual(['a@5', 'b@10', 'c@10']);
	});

	it('never schedules into the past', () => {
		const clock = new VirtualClock();
		clock.advanceTo(50);
		clock.at(10, () => {});
		expect(clock.next()).toBe(50);
	});
});
