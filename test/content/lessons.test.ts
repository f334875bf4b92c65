import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { findAnchor } from '../../src/content/event-anchor';
import { listLessons } from '../../src/content/lesson-list';
import { loadLesson } from '../../src/content/lessons';
import { pythonFile } from '../../src/content/scenario-with-code';
import type { Lesson } from '../../src/content/types';

// Generated from the content: a new lessons/NN-slug/ folder is checked without touching this file.
const summaries = listLessons();

describe('listLessons()', () => {
	it('finds every lesson folder, in NN- order', () => {
		expect(summaries.length).toBeGreaterThanOrEqual(2);
		expect(summaries.map((l) => l.number)).toEqual(
			[...summaries.map((l) => l.number)].sort((a, b) => a - b)
		);
	});
});

for (const summary of summaries) {
	describe(`lesson ${summary.folder}`, async () => {
		const loaded = await loadLesson(summary.slug);
		const lesson = loaded as Lesson;
		const runs = new Map<string, ReturnType<typeof simulate>>();
		const run = (name: string) => {
			const variant = lesson.variants.find((v) => v.name === name)!;
			if (!runs.has(name)) runs.set(name, simulate(variant.scenario, { trace: true }));
			return runs.get(name)!;
		};

		it('loads without problems', () => {
			expect('error' in loaded ? loaded.error : null).toBeNull();
		});

		it('has 8 to 20 narrated steps and a question with a valid answer', () => {
			expect(lesson.steps.length).toBeGreaterThanOrEqual(8);
			expect(lesson.steps.length).toBeLessThanOrEqual(20);
			expect(lesson.question.choices[lesson.question.answer]).toBeDefined();
		});

		it('narrates each step in one paragraph (it is rendered as inline Markdown)', () => {
			for (const [i, step] of lesson.steps.entries()) {
				expect(step.text, `step ${i + 1} text`).not.toMatch(/\n\s*\n|^\s*([-*+>#|]|\d+\.)\s/m);
			}
		});

		it('names only variants the lesson has, at moments its run reaches', () => {
			for (const [i, step] of lesson.steps.entries()) {
				const variant = lesson.variants.find((v) => v.name === step.variant);
				expect(variant, `step ${i + 1} variant ${step.variant}`).toBeDefined();
				expect(step.t, `step ${i + 1} t`).toBeLessThanOrEqual(simulate(variant!.scenario).endMs);
			}
		});

		it('anchors every step to an event at or after its time', () => {
			for (const [i, step] of lesson.steps.entries()) {
				if (!step.event) continue;
				const trace = run(step.variant).trace ?? [];
				const at = findAnchor(trace, step.t, step.event);
				expect(at, `step ${i + 1} anchor`).toBeGreaterThanOrEqual(0);
				expect(trace[at].t, `step ${i + 1} anchor time`).toBeGreaterThanOrEqual(step.t);
			}
		});

		it("marks only lines that exist in the variant's Python", () => {
			for (const [i, step] of lesson.steps.entries()) {
				if (step.line === undefined) continue;
				const variant = lesson.variants.find((v) => v.name === step.variant)!;
				const code = Object.values(variant.scenario.handlers).find((h) => h.code)?.code;
				expect(code, `step ${i + 1}: ${step.variant} has no Python`).toBeDefined();
				expect(step.line, `step ${i + 1} line`).toBeGreaterThanOrEqual(1);
				expect(step.line, `step ${i + 1} line`).toBeLessThanOrEqual(code!.split('\n').length);
			}
		});

		it('has no Python file that no handler reads', async () => {
			const meta = (await import(`../../lessons/${summary.folder}/lesson.json`)) as {
				variants: { name: string; scenario: string }[];
			};
			const read = new Set(
				meta.variants.flatMap(({ name, scenario }) => {
					const handlers = Object.keys(
						lesson.variants.find((v) => v.name === name)!.scenario.handlers
					);
					return handlers.map((h) => pythonFile(scenario, h, handlers.length));
				})
			);
			const files = readdirSync(`lessons/${summary.folder}`).filter((f) => f.endsWith('.py'));
			expect(files.filter((f) => !read.has(f))).toEqual([]);
		});
	});
}

describe('loadLesson(slug)', () => {
	it('reports an unknown lesson instead of throwing', async () => {
		expect(await loadLesson('no-such-lesson')).toEqual({
			error: 'There is no lesson called “no-such-lesson”.'
		});
	});
});
