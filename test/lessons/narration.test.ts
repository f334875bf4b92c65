import { describe, expect, it } from 'vitest';
import { createFramer, simulate } from '../../simulations/index';
import { checkExpectations } from '../../src/content/check-expectations';
import { listLessons } from '../../src/content/lesson-list';
import { loadLesson } from '../../src/content/lessons';
import { stepFrame } from '../../src/content/step-frame';
import type { Lesson } from '../../src/content/types';

// Generated from the content: every step's expect: lines are checked against the frame the stage
// shows for that step, so narration cannot drift from the picture beside it.
for (const summary of listLessons()) {
	describe(`lesson ${summary.folder}`, async () => {
		const lesson = (await loadLesson(summary.slug)) as Lesson;
		const file = `lessons/${summary.folder}/steps.md`;

		it("agrees with every step's expectations", () => {
			const runs = new Map(
				lesson.variants.map((v) => {
					const trace = simulate(v.scenario, { trace: true }).trace ?? [];
					return [v.name, { trace, framer: createFramer(trace) }];
				})
			);
			const problems = lesson.steps.flatMap((step, k) => {
				const { trace, framer } = runs.get(step.variant)!;
				const frame = stepFrame(framer, trace, step.t, step.event);
				return (step.expect ?? []).flatMap((e) =>
					checkExpectations(frame, [e]).map(
						(p) => `lesson ${lesson.number} step ${k + 1}: ${p} (${file}:${e.line})`
					)
				);
			});
			expect(problems).toEqual([]);
		});

		it("declares the loop thread's state at every step", () => {
			const bare = lesson.steps.flatMap((step, k) =>
				step.expect?.some((e) => e.kind === 'loop') ? [] : [`step ${k + 1}`]
			);
			expect(bare, `${file}: steps without an "expect: loop …"`).toEqual([]);
		});
	});
}
