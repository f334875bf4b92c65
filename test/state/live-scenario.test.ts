import { describe, expect, it } from 'vitest';
import { LIVE, liveHorizon, liveLimitNote, liveStatus } from '../../src/state/live-scenario';

describe('liveHorizon(now)', () => {
	it.each([
		[0, LIVE.windowMs],
		[LIVE.windowMs - LIVE.lookaheadMs, LIVE.windowMs],
		[LIVE.windowMs - LIVE.lookaheadMs + 1, 2 * LIVE.windowMs],
		[LIVE.spanMs, LIVE.spanMs + LIVE.windowMs]
	])('at %d ms live time the run is simulated to %d ms', (now, horizon) => {
		expect(liveHorizon(now)).toBe(horizon);
	});
});

describe('liveStatus(live)', () => {
	it.each([
		[{ running: true, ended: false }, 'live, time ×0.25'],
		[{ running: false, ended: false }, 'live: stopped'],
		[{ running: false, ended: true }, 'live: ended at 10 s']
	])('%j reads %s', (live, words) => {
		expect(liveStatus(live)).toBe(words);
	});
});

describe('liveLimitNote(live)', () => {
	it.each([
		[{ ended: false, full: false }, null],
		[{ ended: true, full: false }, 'Live time ended at 10 s: Start over to go again.'],
		[{ ended: false, full: true }, '40 requests is the most: Start over to go again.']
	])('%j: %s', (live, note) => {
		expect(liveLimitNote(live)).toBe(note);
	});
});
