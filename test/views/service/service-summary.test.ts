import { describe, expect, it } from 'vitest';
import { serviceSeries } from '../../../src/views/service/service-series';
import {
	inFlightWords,
	lagWords,
	latencyWords,
	loopWords,
	peakBy,
	poolWords,
	queuesWords
} from '../../../src/views/service/service-summary';
import { HAND_RESULT } from './hand-trace';

const s = serviceSeries(HAND_RESULT, 4);

describe('the service views in words, up to the cursor', () => {
	it('peakBy(series, t) is the highest value by t and when it was first reached', () => {
		expect(peakBy(s.inFlight, 5)).toEqual({ value: 2, atMs: 0 });
		expect(peakBy(s.inFlight, 100)).toEqual({ value: 3, atMs: 10 });
		expect(peakBy(s.door, 5)).toBeNull();
	});

	it('says the queues, the requests in flight and the latencies at the cursor', () => {
		expect(queuesWords(s, 30)).toBe(
			'At 30 ms: 1 request waiting at the door (unread), 1 callback in the ready queue. ' +
				'Highest so far: door 1 at 10 ms, ready queue 1 at 0 ms.'
		);
		expect(inFlightWords(s, 45)).toBe(
			'At 45 ms: 2 requests in flight (arrived, not answered). Highest so far: 3 at 10 ms.'
		);
		expect(latencyWords(s, 30)).toBe('By 30 ms: no request answered yet, of 3.');
		expect(latencyWords(s, 70)).toBe(
			'By 70 ms: 2 of 3 answered; p50 40 ms, p95 60 ms, p99 60 ms; slowest r3, 60 ms.'
		);
	});

	it('says the loop’s shares so far, the lag samples and the pool', () => {
		expect(loopWords(s, 50)).toBe(
			'From 0 to 50 ms the loop was busy 20%, blocked 80%, idle 0% of the time. At 50 ms it is idle in select().'
		);
		expect(lagWords(s, 10)).toBe('No lag sample by 10 ms.');
		expect(lagWords(s, 100)).toBe('By 100 ms: 2 lag samples, worst 30 ms late at 50 ms.');
		expect(poolWords(s, 100)).toBe(
			'At 100 ms: 0 of 4 pool threads busy; the pool was 8% used from 0 to 100 ms.'
		);
		expect(poolWords(serviceSeries(HAND_RESULT, 0), 100)).toBe(
			'No pool: this runtime cannot start threads.'
		);
	});
});
