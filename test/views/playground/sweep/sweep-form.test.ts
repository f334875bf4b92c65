import { describe, expect, it } from 'vitest';
import { sweepOptions, type SweepOption } from '../../../../simulations/sweep/index';
import { parseScenario } from '../../../../simulations/text';
import sample from '../../../../src/sample-scenario.json';
import {
	chooseOption,
	defaultRange,
	kindsOf
} from '../../../../src/views/playground/sweep/sweep-form';

const parsed = parseScenario(sample);
if (!parsed.ok) throw new Error('the sample is not valid');
const options = sweepOptions(sample, parsed.scenario);
const of = (kind: SweepOption['param']['kind']) => options.find((o) => o.param.kind === kind)!;

describe('defaultRange(option)', () => {
	it.each([
		['requestCount', { from: 1, to: 20, points: 20 }],
		['poolSize', { from: 1, to: 12, points: 12 }],
		['workMs', { from: 50, to: 400, points: 10 }],
		['blockingShare', { from: 0, to: 1, points: 11 }],
		['requestRate', { from: 125, to: 1000, points: 10 }]
	] as const)('%s around the sample’s own value → %o', (kind, range) => {
		expect(defaultRange(of(kind))).toEqual(range);
	});
});

describe('chooseOption(options, kind, key) and kindsOf(options)', () => {
	it('finds the keyed option, else the first of its kind, else the first of all', () => {
		const work = of('workMs');
		expect(chooseOption(options, 'workMs', 'workMs:handlers.upload.steps[0]')).toBe(work);
		expect(chooseOption(options, 'workMs', 'gone')).toBe(work);
		expect(
			chooseOption(
				options.filter((o) => o !== work),
				'workMs',
				''
			)
		).toBe(options[0]);
		expect(chooseOption([], 'poolSize', '')).toBeNull();
	});

	it('lists the kinds in the menu’s order', () => {
		expect(kindsOf(options)).toEqual([
			'requestCount',
			'requestRate',
			'poolSize',
			'workMs',
			'blockingShare'
		]);
		expect(kindsOf(options.filter((o) => o.param.kind === 'poolSize'))).toEqual(['poolSize']);
	});
});
