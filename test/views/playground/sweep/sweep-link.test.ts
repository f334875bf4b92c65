import { describe, expect, it } from 'vitest';
import { sweepOptions } from '../../../../simulations/sweep/index';
import { parseScenario } from '../../../../simulations/text';
import sample from '../../../../src/sample-scenario.json';
import {
	NO_SWEEP,
	openSweepLink,
	sweepLink
} from '../../../../src/views/playground/sweep/sweep-link';

const parsed = parseScenario(sample);
if (!parsed.ok) throw new Error('the sample is not valid');
const options = sweepOptions(sample, parsed.scenario);
const open = (link: Partial<typeof NO_SWEEP> & { sweep: string }) =>
	openSweepLink({ ...NO_SWEEP, ...link }, options, sample);

describe('openSweepLink(link, options, doc)', () => {
	it('opens the link’s parameter and range as they are', () => {
		const opened = open({ sweep: 'workMs:handlers.upload.steps[0]', from: 25, to: 400, points: 4 });
		expect(opened?.option.label).toBe('work duration of handlers.upload.steps[0]');
		expect(opened?.range).toEqual({ from: 25, to: 400, points: 4 });
		expect(opened?.notes).toEqual([]);
	});

	it('fills a range part the link leaves out with the parameter’s own', () => {
		expect(open({ sweep: 'poolSize', to: 4 })?.range).toEqual({ from: 1, to: 4, points: 12 });
	});

	it('falls back to the first parameter of the kind the scenario has, and says so', () => {
		const opened = open({ sweep: 'requestCount:3', from: 1, to: 5, points: 5 });
		expect(opened?.option.param).toEqual({ kind: 'requestCount', arrival: 0 });
		expect(opened?.range).toEqual({ from: 1, to: 20, points: 20 });
		expect(opened?.notes).toEqual([
			'This link sweeps requestCount:3, which this scenario does not have; showing a sweep of request count from 1 to 20 in 20 points instead.'
		]);
	});

	it('falls back to the parameter’s own range when the link’s does not fit, naming each problem', () => {
		const opened = open({
			sweep: 'blockingShare:handlers.upload.steps[0]',
			from: 0,
			to: 2,
			points: 99
		});
		expect(opened?.range).toEqual({ from: 0, to: 1, points: 11 });
		expect(opened?.notes).toEqual([
			'This link’s sweep range does not fit share of blocking work in handlers.upload.steps[0] (To: expected a share of blocking work in handlers.upload.steps[0] from 0 to 1, found 2; Points: expected a whole number from 2 to 50, found 99); sweeping 0 to 1 in 11 points instead.'
		]);
	});

	it('is null for a scenario with nothing to sweep', () => {
		expect(openSweepLink({ ...NO_SWEEP, sweep: 'poolSize' }, [], sample)).toBeNull();
	});
});

describe('sweepLink(option, range)', () => {
	it('writes the parameter’s key and the range, leaving out a field left empty', () => {
		const pool = options.find((o) => o.param.kind === 'poolSize')!;
		expect(sweepLink(pool, { from: 1, to: Number.NaN, points: undefined })).toEqual({
			sweep: 'poolSize',
			from: 1,
			to: null,
			points: null
		});
		// Opening what it wrote gives the same settings back.
		const written = sweepLink(pool, { from: 2, to: 8, points: 7 });
		expect(open({ ...written, sweep: written.sweep! })?.range).toEqual({
			from: 2,
			to: 8,
			points: 7
		});
	});
});
