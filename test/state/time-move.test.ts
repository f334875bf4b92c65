import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACE, paceLabel, timeMove } from '../../src/state/time-move';

describe('timeMove(eventTimes, from, to)', () => {
	it('starts at `from`, ends at `to`, and never goes back', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 5000 })),
				fc.integer({ min: 0, max: 2000 }),
				fc.integer({ min: 1, max: 3000 }),
				(times, from, span) => {
					const m = timeMove(
						[...times].sort((a, b) => a - b),
						from,
						from + span
					);
					expect([m.at(0), m.at(m.wallMs)]).toEqual([from, from + span]);
					let last = from;
					for (let w = 0; w <= m.wallMs; w += m.wallMs / 50) {
						expect(m.at(w)).toBeGreaterThanOrEqual(last);
						last = m.at(w);
					}
				}
			)
		);
	});

	it('plays where events happen slowly and a wait with nothing in it fast', () => {
		// Busy from 0 to 10 ms (an event per ms), then nothing until 1000 ms.
		const m = timeMove([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, 1000);
		expect(m.pace(1)).toBeCloseTo(1 / PACE.slowMs);
		expect(m.pace(m.wallMs - 1)).toBeCloseTo(990 / PACE.stretchMaxMs);
		expect(m.wallMs).toBe(10 * PACE.slowMs + PACE.stretchMaxMs);
		expect(m.at(10 * PACE.slowMs)).toBe(10);
	});

	it('lasts between moveMinMs and moveMaxMs', () => {
		expect(timeMove([], 0, 2).wallMs).toBe(PACE.moveMinMs);
		const busy = Array.from({ length: 2000 }, (_, i) => i * 2);
		expect(timeMove(busy, 0, 4000).wallMs).toBeCloseTo(PACE.moveMaxMs);
		expect(timeMove([], 0, 100).wallMs).toBe(100 * PACE.slowMs);
	});

	it('is no move at all when `to` is not after `from`', () => {
		expect([timeMove([5], 10, 10).wallMs, timeMove([], 10, 3).at(0)]).toEqual([0, 3]);
	});
});

describe('paceLabel(pace)', () => {
	it.each([
		[null, ''],
		[0, ''],
		[0.2, 'virtual time ×0.2'],
		[1.6666, 'virtual time ×1.7'],
		[12.4, 'virtual time ×12']
	])('%j reads %j', (pace, text) => {
		expect(paceLabel(pace)).toBe(text);
	});
});
