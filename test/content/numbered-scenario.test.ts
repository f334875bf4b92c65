import { describe, expect, it } from 'vitest';
import { type Scenario } from '../../simulations/index';
import { parseScenario, parseScenarioValue } from '../../simulations/text';
import type { LessonParam } from '../../src/content/lesson-params';
import { changedParams, numberedScenario, numbersKey } from '../../src/content/numbered-scenario';
import { parsePath, valueAt, withValueAt } from '../../src/content/scenario-path';
import type { LessonVariant } from '../../src/content/types';

const source = {
	format: 'event-loop-lab/scenario@1',
	id: 'burst',
	title: 'Burst',
	limitMs: 5000,
	runtime: { threads: 2 },
	handlers: { upload: { steps: [{ op: 'block', ms: 200 }] } },
	arrivals: [{ handler: 'upload', count: 5, startMs: 0, everyMs: 2 }]
};
const parsed = parseScenario(source);
const variant: LessonVariant = {
	name: 'burst',
	label: 'Burst',
	scenario: (parsed as { scenario: Scenario }).scenario,
	source
};
const param = (name: string, path: string, value: number): LessonParam => ({
	name,
	label: name,
	unit: '',
	min: 1,
	max: 1000,
	step: 1,
	value,
	sets: [{ variant: 'burst', paths: [parsePath(path)!] }]
});
const params = [
	param('work', 'handlers.upload.steps[0].ms', 200),
	param('count', 'arrivals[0].count', 5),
	param('pool', 'runtime.threads', 2)
];

describe('scenario paths', () => {
	it('parsePath reads keys and indexes, and refuses anything else', () => {
		expect(parsePath('handlers.upload.steps[0].ms')).toEqual([
			'handlers',
			'upload',
			'steps',
			0,
			'ms'
		]);
		expect(parsePath('arrivals[0].count')).toEqual(['arrivals', 0, 'count']);
		for (const bad of ['', 'a..b', 'a[x]', 'a.[0]', 'a b']) expect(parsePath(bad)).toBeNull();
	});

	it('valueAt follows own keys only; withValueAt copies and leaves the original', () => {
		expect(valueAt(source, parsePath('arrivals[0].count')!)).toBe(5);
		expect(valueAt(source, parsePath('constructor')!)).toBeUndefined();
		expect(valueAt(source, parsePath('arrivals[3].count')!)).toBeUndefined();
		const copy = withValueAt(source, parsePath('arrivals[0].count')!, 8);
		expect([copy.arrivals[0].count, source.arrivals[0].count]).toEqual([8, 5]);
	});
});

describe('numberedScenario(params, variant, values, check)', () => {
	it('returns the lesson scenario itself when no number changes the variant', () => {
		expect(numberedScenario(params, variant, {}, parseScenarioValue)).toEqual({
			scenario: variant.scenario
		});
		expect(numberedScenario(params, variant, { work: 200 }, parseScenarioValue)).toEqual({
			scenario: variant.scenario
		});
	});

	it('puts each changed number into the document and parses it again (arrivals expand anew)', () => {
		const got = numberedScenario(
			params,
			variant,
			{ work: 50, count: 3, pool: 4 },
			parseScenarioValue
		);
		if ('error' in got) throw new Error(got.error);
		expect(got.scenario.requests.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
		expect(got.scenario.runtime.threads).toBe(4);
		expect(got.scenario.handlers.upload.steps[0]).toMatchObject({ op: 'block', ms: 50 });
	});

	it('stretches limitMs by each changed number’s ratio, so a longer run is not cut short as hung', () => {
		const got = numberedScenario(
			params,
			variant,
			{ work: 1000, count: 10, pool: 1 },
			parseScenarioValue
		);
		if ('error' in got) throw new Error(got.error);
		// 5000 ms × 1000/200 × 10/5 × 2/1
		expect(got.scenario.limitMs).toBe(100_000);
	});

	it('reports what the engine refuses', () => {
		const got = numberedScenario(
			[param('count', 'arrivals[0].count', 5)],
			variant,
			{ count: -1 },
			parseScenarioValue
		);
		expect('error' in got ? got.error : '').toMatch(/count/);
	});

	it('changedParams and numbersKey name only numbers that differ and set the variant', () => {
		const other = { ...param('gap', 'limitMs', 5000), sets: [{ variant: 'other', paths: [] }] };
		const all = [...params, other];
		expect(changedParams(all, 'burst', { work: 50, count: 5, gap: 9 }).map((p) => p.name)).toEqual([
			'work'
		]);
		expect(numbersKey(all, 'burst', { count: 3, work: 50 })).toBe('work=50,count=3');
		expect(numbersKey(all, 'burst', {})).toBe('');
	});
});
