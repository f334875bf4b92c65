import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { findEvent } from '../../src/content/anchor';
import { listLessons, loadLesson } from '../../src/content/lessons';
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
				expect(step.text, `steps[${i}].text`).not.toMatch(/\n\s*\n|^\s*([-*+>#|]|\d+\.)\s/m);
			}
		});

		it('anchors every step to a moment that exists in its variant', () => {
			for (const [i, step] of lesson.steps.entries()) {
				const variant = lesson.variants.find((v) => v.name === step.variant);
				const result = simulate(variant!.scenario, { trace: true });
				expect(step.t, `steps[${i}].t`).toBeLessThanOrEqual(result.endMs);
				if (step.event)
					expect(
						findEvent(result.trace ?? [], step.t, step.event),
						`steps[${i}].event`
					).toBeGreaterThanOrEqual(0);
				if (step.line) {
					const code = Object.values(variant!.scenario.handlers).find((h) => h.code)?.code ?? '';
					expect(step.line, `steps[${i}].line`).toBeLessThanOrEqual(code.split('\n').length);
				}
			}
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
