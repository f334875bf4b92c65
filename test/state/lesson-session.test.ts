import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { lessonRun } from '../../src/state/lesson-runs';
import { LESSON_STEP_MS, openLesson } from '../../src/state/lesson-session.svelte';
import { DEFAULTS } from '../../src/url/params';

const lesson = (await readLessonFiles('lessons', 'restaurant')) as Lesson;
const link = { ...DEFAULTS, step: 1 };

describe('openLesson(lesson, params)', () => {
	it('opens at the linked step, variant, speed, comparison and moment', () => {
		const { session, notes } = openLesson(lesson, {
			...link,
			step: 3,
			variant: 'kitchen',
			speed: 2,
			compare: true,
			t: 40
		});
		expect(notes).toEqual([]);
		expect([session.step, session.shown, session.speed, session.compare, session.moment]).toEqual([
			2,
			'kitchen',
			2,
			true,
			40
		]);
		expect(session.urlState()).toMatchObject({ lesson: 'restaurant', step: 3, speed: 2, t: 40 });
	});

	it('falls back to step 1 and the step’s own variant, with a note for each', () => {
		const { session, notes } = openLesson(lesson, { ...link, step: 99, variant: 'nope' });
		expect([session.step, session.variant]).toEqual([0, null]);
		expect(notes).toEqual([
			`step=99 is past the last step (${lesson.steps.length}); showing step 1.`,
			'variant="nope" is not a variant of this lesson.'
		]);
	});
});

describe('LessonSession', () => {
	it('plays on a simulated clock, and each new step drops the chosen variant and moment', () => {
		const clock = new SimulatedClock();
		const { session } = openLesson(lesson, { ...link, speed: 2 }, clock);
		session.show('stove');
		session.scrub(10);
		session.toggle();
		clock.increment(LESSON_STEP_MS / 2 - 1);
		expect([session.step, session.variant, session.moment]).toEqual([0, 'stove', 10]);
		clock.increment(1);
		expect([session.step, session.variant, session.moment, session.playing]).toEqual([
			1,
			null,
			null,
			true
		]);
	});

	it('shares its simulated runs with the rest of the page (one run per variant)', () => {
		const { session } = openLesson(lesson, link);
		expect(session.shownRun).toBe(lessonRun(lesson, session.shown));
		expect(session.frame).toEqual(session.shownRun.frameAt(session.index(session.shown)));
	});

	it('draws the before/after pair on one axis when comparing', () => {
		const { session } = openLesson(lesson, link);
		expect(session.compared.map((r) => r.name)).toEqual([session.shown]);
		session.compare = true;
		expect(session.compared.map((r) => r.name)).toEqual(lesson.compare);
	});
});
