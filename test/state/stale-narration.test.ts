import { describe, expect, it } from 'vitest';
import { parseScenarioValue } from '../../simulations/text';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { changedParams } from '../../src/content/numbered-scenario';
import { lessonRun } from '../../src/state/lesson-runs';
import { staleNarration, staleText } from '../../src/state/stale-narration';

const lesson = (await readLessonFiles('lessons', 'blocking-vs-offloaded')) as Lesson;
// "Answers at 200, 400, 600, 800 and 1,000 ms": time-sleep at 1000 ms, all five answered.
const at = lesson.steps.findIndex(
	(s) => s.variant === 'time-sleep' && s.text.startsWith('Answers at')
);
const step = lesson.steps[at];
const note = (values: Record<string, number>) =>
	staleNarration(
		step,
		lessonRun(lesson, step.variant),
		lessonRun(lesson, step.variant, values, parseScenarioValue),
		changedParams(lesson.params, step.variant, values),
		values
	);

describe('staleNarration(step, base, now, changed, values)', () => {
	it('is null with the lesson’s numbers', () => {
		expect(note({})).toBeNull();
	});

	it("says where the last answer moved when the step's claims still hold", () => {
		const n = note({ work: 50 })!;
		expect(n).toEqual({
			written: 'work duration 200 ms',
			yours: '50 ms',
			broken: [],
			moved: 'r5 ends at 250 ms, not 1,000 ms'
		});
		expect(staleText(n)).toBe(
			'Written for work duration 200 ms. With your 50 ms: r5 ends at 250 ms, not 1,000 ms.'
		);
	});

	it('quotes the claims the new run contradicts, checked with the lesson tests’ rule', () => {
		const n = note({ work: 210 })!;
		expect(n.broken).toEqual([
			'“loop select”: now loop blocked on "r5: blocking call (210 ms)"',
			'“request r1 r2 r3 r4 r5 ok”: now request r5 pending'
		]);
		expect(staleText(n)).toBe(
			'Written for work duration 200 ms. With your 210 ms: r5 ends at 1,050 ms, not 1,000 ms; this no longer holds: “loop select”: now loop blocked on "r5: blocking call (210 ms)" (and 1 more).'
		);
	});

	it('labels each number when several changed, and shortens a long claim at a comma', () => {
		const n = note({ work: 100, count: 10 })!;
		expect([n.written, n.yours]).toEqual([
			'work duration 200 ms, 5 uploads',
			'work duration 100 ms, 10 uploads'
		]);
		expect(n.moved).toBe(
			'r5 ends at 500 ms, not 1,000 ms (the last answer is now r10, at 1,000 ms)'
		);
		const long = staleText({ ...n, broken: [`“x”: now ${'request r10 pending, '.repeat(10)}`] });
		expect(long).toMatch(
			/this no longer holds: “x”: now (request r10 pending, )+request r10 pending and more\.$/
		);
		expect(long.length).toBeLessThan(300);
	});

	it('names a request that is no longer sent', () => {
		const n = note({ count: 3 })!;
		expect(n.moved).toBe('r5 is never sent (it ended at 1,000 ms)');
		expect(n.broken[0]).toMatch(/^“request r1 r2 r3 r4 r5 ok”: now request r4 not arrived/);
	});
});
