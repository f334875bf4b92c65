import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLesson, summarize } from '../../src/content/build-lesson';
import { readLessonParams } from '../../src/content/lesson-params';
import { parseStepsFile } from '../../src/content/steps-file';
import { folder, meta, read } from './restaurant-files';

const doc = (ms: number, count = 3) => ({
	handlers: { serve: { steps: [{ op: 'block', ms }] } },
	arrivals: [{ handler: 'serve', count, everyMs: 2 }]
});
const docs = new Map<string, unknown>([
	['slow', doc(200)],
	['fast', doc(200)]
]);
const work = {
	name: 'work',
	label: 'Work duration',
	unit: 'ms',
	min: 10,
	max: 1000,
	step: 10,
	sets: { slow: ['handlers.serve.steps[0].ms'], fast: ['handlers.serve.steps[0].ms'] }
};
// lesson.json as text, one field a line, so each problem names a line.
const text = (params: unknown[]) => JSON.stringify({ title: 'x', params }, null, '\t');
const readAll = (params: unknown[], d: ReadonlyMap<string, unknown> = docs) =>
	readLessonParams(params, text(params), d);

describe('readLessonParams(raw, text, docs)', () => {
	it("reads each param with the lesson's value from the scenario fields it sets", () => {
		const { params, problems } = readAll([work]);
		expect(problems).toEqual([]);
		expect(params).toEqual([
			{
				...work,
				value: 200,
				sets: [
					{ variant: 'slow', paths: [['handlers', 'serve', 'steps', 0, 'ms']] },
					{ variant: 'fast', paths: [['handlers', 'serve', 'steps', 0, 'ms']] }
				]
			}
		]);
	});

	it('reports a path that is not in the scenario, with the line of lesson.json that names it', () => {
		const bad = { ...work, sets: { slow: ['handlers.serve.steps[3].ms'] } };
		const { params, problems } = readAll([bad]);
		expect(params).toEqual([]);
		const line =
			text([bad])
				.split('\n')
				.findIndex((l) => l.includes('steps[3]')) + 1;
		expect(problems).toEqual([
			`lesson.json:${line}: params[0] "work": sets: "handlers.serve.steps[3].ms" is not a number in the scenario of "slow"`
		]);
	});

	it('reports an unknown variant, a malformed path and a value outside min..max', () => {
		const problems = [
			readAll([{ ...work, sets: { oven: ['limitMs'] } }]),
			readAll([{ ...work, sets: { slow: ['handlers..ms'] } }]),
			readAll([{ ...work, max: 100 }])
		].map((r) => r.problems[0]);
		expect(problems[0]).toMatch(
			/params\[0\] "work": sets: unknown variant "oven" \(variants: slow, fast\)/
		);
		expect(problems[1]).toMatch(/"handlers\.\.ms" is not a field path/);
		expect(problems[2]).toMatch(
			/^lesson\.json:\d+: params\[0\] "work": the lesson's value 200 is outside min 10 to max 100$/
		);
	});

	it('reports fields that disagree on the lesson value, and a bad name or range', () => {
		const mixed = new Map<string, unknown>([
			['slow', doc(200)],
			['fast', doc(50)]
		]);
		expect(readAll([work], mixed).problems[0]).toMatch(/is 200 in "slow" but 50 in "fast"/);
		expect(readAll([{ ...work, name: 'Work' }]).problems[0]).toMatch(/"name" must be lower-case/);
		expect(readAll([{ ...work, min: 500, max: 100 }]).problems[0]).toMatch(/"min" < "max"/);
		expect(readAll([work, work]).problems[0]).toMatch(/params\[1\] "work": a second param/);
	});

	it('reads no params as none', () => {
		expect(readLessonParams(undefined, '', docs)).toEqual({ params: [], problems: [] });
	});
});

describe('buildLesson(…) params and {{markers}}', () => {
	const cook = {
		name: 'cook',
		label: 'Cooking time',
		unit: 'ms',
		min: 50,
		max: 1000,
		step: 10,
		sets: { stove: ['handlers.serve_table.steps[1].ms'] }
	};
	const source = readFileSync(`${folder}/steps.md`, 'utf8');
	const build = (stepsText: string, params: unknown[] = [cook]) => {
		const m: Record<string, unknown> = { ...meta, params };
		const steps = parseStepsFile('lessons/01-restaurant/steps.md', stepsText);
		return buildLesson(summarize('01-restaurant', m)!, m, '', steps, read);
	};

	it('fills markers with the lesson value, and makes them fields in the page narration', async () => {
		const lesson = await build(source);
		if ('error' in lesson) throw new Error(lesson.error);
		const step = lesson.steps.find((s) => s.variant === 'stove' && s.numbersHtml)!;
		expect(step.text).toContain('at the stove for 300 ms.');
		expect(step.html).not.toContain('{{');
		expect(step.numbersHtml).toContain(
			'<input class="param" type="number" data-param="cook" value="300" min="50" max="1000" step="10" aria-label="Cooking time, ms"'
		);
	});

	it('reports a marker naming no param, with the file and line of steps.md', async () => {
		const lines = source.split('\n');
		const at = lines.findIndex((l) => l.includes('{{cook}}'));
		lines[at] = lines[at].replace('{{cook}}', '{{cooking}}');
		const lesson = await build(lines.join('\n'));
		expect('error' in lesson ? lesson.error : '').toContain(
			`lessons/01-restaurant/steps.md:${at + 1}: step `
		);
		expect('error' in lesson ? lesson.error : '').toContain(
			'{{cooking}} names no param of lesson.json (params: cook)'
		);
	});
});
