import { describe, expect, it } from 'vitest';
import type { RequestResult, SimResult } from '../../simulations/index';
import { LiveAnnouncer, answeredBy, liveReadout } from '../../src/state/live-readout';

/** A result with requests as [id, arrive, start, end] (end null: still open). */
function result(...qs: [string, number, number | null, number | null][]): SimResult {
	const requests: RequestResult[] = qs.map(([id, arriveMs, startMs, endMs]) => ({
		id,
		handler: 'h',
		arriveMs,
		startMs,
		endMs,
		status: endMs === null ? 'unfinished' : 'ok'
	}));
	return {
		format: 'event-loop-lab/result@1',
		scenario: 's',
		outcome: 'completed',
		endMs: 2000,
		hung: null,
		requests,
		heartbeats: [],
		lag: [],
		warnings: []
	};
}

describe('answeredBy(result, t)', () => {
	it('lists the requests answered by t in the order they were answered, with latency and wait', () => {
		const r = result(['r1', 0, 0, 300], ['r2', 10, 10, 200], ['r3', 20, 300, null]);
		expect(answeredBy(r, 1000)).toEqual([
			{ id: 'r2', ms: 190, waitedMs: 0 },
			{ id: 'r1', ms: 300, waitedMs: 0 }
		]);
		expect(answeredBy(r, 250)).toEqual([{ id: 'r2', ms: 190, waitedMs: 0 }]);
	});
});

describe('liveReadout(result, t)', () => {
	it.each([
		['nothing sent', result(), 0, /^Press “Send a request” \(or R\)/],
		[
			'sent, none answered',
			result(['r1', 0, 0, 200], ['r2', 5, 200, 400]),
			100,
			/^You sent 2 requests; no answer yet\.$/
		],
		[
			'a burst that waited',
			result(['r1', 0, 0, 200], ['r2', 10, 200, 400], ['r3', 20, 400, 600]),
			1000,
			/^Your 3 answers: fastest 200 ms, slowest 580 ms; 2 waited for the loop, busy with the ones before \(longest: r3, 380 ms\)\.$/
		],
		[
			'one that waited',
			result(['r1', 0, 0, 200], ['r2', 100, 200, 400]),
			1000,
			/; r2 waited 100 ms for the loop/
		],
		[
			'none waited, one still open',
			result(['r1', 0, 0, 200], ['r2', 900, 900, null]),
			1000,
			/^Your first answer: 200 ms; it did not wait for the loop\. 1 not answered yet\.$/
		],
		['thousands', result(['r1', 0, 0, 1500]), 2000, /answer: 1,500 ms/]
	])('%s', (_, r, t, words) => {
		expect(liveReadout(r, t)).toMatch(words);
	});

	it('counts only what has arrived by t', () => {
		expect(liveReadout(result(['r1', 500, 500, 700]), 100)).toMatch(/^Press/);
	});
});

describe('LiveAnnouncer', () => {
	const a = (id: string, ms: number) => ({ id, ms, waitedMs: 0 });

	it('says each new answer, and merges those that come within the gap', () => {
		const say = new LiveAnnouncer(1000);
		expect(say.heard(0, [])).toBe('');
		expect(say.heard(10, [a('r1', 200)])).toBe('r1 answered in 200 ms.');
		expect(say.heard(500, [a('r1', 200), a('r2', 400)])).toBe('r1 answered in 200 ms.');
		expect(say.heard(1010, [a('r1', 200), a('r2', 400), a('r3', 1200)])).toBe(
			'r2 and r3 answered in 400 and 1,200 ms.'
		);
		expect(say.heard(5000, [a('r1', 200), a('r2', 400), a('r3', 1200)])).toBe(
			'r2 and r3 answered in 400 and 1,200 ms.'
		);
	});

	it('reset forgets what it said', () => {
		const say = new LiveAnnouncer(1000);
		say.heard(0, [a('r1', 200)]);
		say.reset();
		expect(say.text).toBe('');
		expect(say.heard(1, [a('r1', 250)])).toBe('r1 answered in 250 ms.');
	});
});
