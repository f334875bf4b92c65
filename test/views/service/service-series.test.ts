import { describe, expect, it } from 'vitest';
import { binShares, loopAt, sharesOver } from '../../../src/views/service/loop-share';
import { serviceSeries } from '../../../src/views/service/service-series';
import { binSeries, valueAt } from '../../../src/views/service/step-series';
import { HAND_RESULT } from './hand-trace';

const s = serviceSeries(HAND_RESULT, 4);

describe('serviceSeries(result, poolSize)', () => {
	it('counts requests at the door from arrival until the loop reads them', () => {
		// r1 and r2 are read at the moment they arrive: no time at the door.
		expect(s.door).toEqual({ times: [10, 60], values: [1, 0] });
		expect(valueAt(s.door, 30)).toBe(1);
	});

	it('counts callbacks in the ready queue from enqueue to run', () => {
		// r3's read is queued and run at 60: the queue never holds it.
		expect(s.ready).toEqual({ times: [0, 40], values: [1, 0] });
	});

	it('counts requests in flight from arrival to answer', () => {
		expect(s.inFlight).toEqual({ times: [0, 10, 40, 70, 90], values: [2, 3, 2, 1, 0] });
	});

	it('counts busy pool threads', () => {
		expect(s.poolBusy).toEqual({ times: [50, 80], values: [1, 0] });
		expect(binSeries(s.poolBusy, 0, 100, 2).mean).toEqual([0, 0.6]);
	});

	it('lists answers in the order they were given, with their latencies', () => {
		expect(s.answered).toEqual({
			endMs: [40, 70, 90],
			latencyMs: [40, 60, 90],
			ids: ['r1', 'r3', 'r2']
		});
	});
});

describe('the loop’s shares', () => {
	it('reads busy, blocked and idle stretches from the loop thread and select()', () => {
		expect(s.loop).toEqual({
			times: [0, 40, 50, 60, 70],
			states: ['blocked', 'busy', 'idle', 'busy', 'idle']
		});
		expect(loopAt(s.loop, 45)).toBe('busy');
	});

	it('sharesOver and binShares add the ms of each share, exact at bin edges', () => {
		expect(sharesOver(s.loop, 100, 0, 100)).toEqual({ busy: 20, blocked: 40, idle: 40 });
		expect(binShares(s.loop, 100, 0, 100, 4)).toEqual([
			{ busy: 0, blocked: 25, idle: 0 },
			{ busy: 10, blocked: 15, idle: 0 },
			{ busy: 10, blocked: 0, idle: 15 },
			{ busy: 0, blocked: 0, idle: 25 }
		]);
	});
});
