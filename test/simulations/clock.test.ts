import fc from 'fast-check';
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

	it('drops cancelled timeouts, so rescheduling never lets the heap grow past twice the live ones', () => {
		const clock = new VirtualClock();
		// 1,024 threads sharing cores reschedule their end at every change (F18, free-threaded).
		const ids = Array.from({ length: 1024 }, (_, i) => clock.at(1000 + i, () => {}));
		let sizes = 0;
		for (let round = 0; round < 100; round++) {
			for (let i = 0; i < ids.length; i++) {
				clock.clearTimeout(ids[i]);
				ids[i] = clock.at(1000 + round + i, () => {});
			}
			sizes = Math.max(sizes, clock.size);
		}
		expect(sizes).toBeLessThanOrEqual(2 * 1024 + 1);
		let ran = 0;
		while (clock.step()) ran++;
		expect(ran).toBe(1024);
	});

	it('runs a series (atEach) exactly as one at() each, in turn, would', () => {
		const time = fc.integer({ min: -3, max: 12 });
		fc.assert(
			fc.property(
				fc.array(time, { maxLength: 8 }),
				fc.array(time, { maxLength: 30 }),
				fc.array(time, { maxLength: 8 }),
				fc.integer({ min: 0, max: 3 }),
				(before, series, after, start) => {
					/** Timeouts before and after the series; each one run schedules one more, 2 ms on. */
					const run = (schedule: (clock: VirtualClock, log: string[]) => void) => {
						const clock = new VirtualClock();
						const log: string[] = [];
						clock.advanceTo(start);
						const later = (name: string) => () => {
							log.push(`${name}@${clock.now()}`);
							if (!name.endsWith('+')) clock.at(clock.now() + 2, later(`${name}+`));
						};
						before.forEach((t, i) => clock.at(t, later(`b${i}`)));
						schedule(clock, log);
						after.forEach((t, i) => clock.at(t, later(`a${i}`)));
						for (let next = clock.next(); next !== null; next = clock.next()) {
							log.push(`next ${next}`);
							clock.step();
						}
						return log;
					};
					const each = run((clock, log) =>
						series.forEach((t, i) => clock.at(t, () => log.push(`s${i}@${clock.now()}`)))
					);
					const atEach = run((clock, log) =>
						clock.atEach(series, (i) => log.push(`s${i}@${clock.now()}`))
					);
					expect(atEach).toEqual(each);
				}
			),
			{ numRuns: 500 }
		);
	});
});
