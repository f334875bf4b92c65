import { describe, expect, it } from 'vitest';
import { outcomeReason, outcomeSummary, outcomeTone } from '../../../src/views/stage/outcome-line';

const stopped = {
	outcome: 'stopped' as const,
	endMs: 10_000,
	hung: null,
	stopped: {
		atMs: 10_000,
		why: 'limit' as const,
		reason: 'Stopped at the 10 s limit: 450 requests unfinished'
	}
};

describe('the outcome readout', () => {
	it('reads a stopped run as a warning, a hung one as the alarm', () => {
		expect(['completed', 'stopped', 'hung'].map((o) => outcomeTone(o as 'hung'))).toEqual([
			'good',
			'warn',
			'bad'
		]);
	});

	it('gives the reason of a hang or of a stop, and none for a completed run', () => {
		expect(outcomeReason(stopped)).toBe('Stopped at the 10 s limit: 450 requests unfinished');
		expect(outcomeReason({ hung: { atMs: 5, reason: 'deadlock: …' } })).toBe('deadlock: …');
		expect(outcomeReason({ hung: null })).toBeNull();
	});

	it('says the outcome, when, and why, cut where asked', () => {
		expect(outcomeSummary({ outcome: 'completed', endMs: 1004, hung: null })).toBe(
			'completed at 1004 ms'
		);
		expect(outcomeSummary(stopped, 20)).toBe('stopped at 10000 ms (Stopped at the 10 s …)');
	});
});
