import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson, Prediction } from '../../src/content/types';
import { openLesson } from '../../src/state/lesson-session.svelte';
import { isRight, LessonPredictions } from '../../src/state/predictions.svelte';
import { DEFAULTS } from '../../src/url/params';
import { fakeFrames } from './fake-frames';

const lesson = (await readLessonFiles('lessons', 'restaurant')) as Lesson;
const asked = lesson.steps.flatMap((s, i) => (s.predict ? [i] : []));
const timeStep = lesson.steps.findIndex((s) => s.predict?.kind === 'time');
const choiceStep = lesson.steps.findIndex((s) => s.predict?.kind === 'choice');

describe('isRight(prediction, guess)', () => {
	const base = { prompt: '', explain: '', html: { prompt: '', choices: [], explain: '' } };
	it.each([
		[{ kind: 'choice', choices: ['a', 'b'], answer: 1 }, 1, true],
		[{ kind: 'choice', choices: ['a', 'b'], answer: 1 }, 0, false],
		[{ kind: 'time', ms: 1000, tolerance: 100 }, 900, true],
		[{ kind: 'time', ms: 1000, tolerance: 100 }, 1101, false],
		[{ kind: 'line', lines: [3, 4] }, 4, true],
		[{ kind: 'line', lines: [3, 4] }, 2, false]
	] as const)('%j with %d is %s', (answer, guess, right) => {
		expect(isRight({ ...base, ...answer } as unknown as Prediction, guess)).toBe(right);
	});
});

describe('LessonPredictions', () => {
	it('waits while asking; an answer, a skip or a switched-off gate lets the step go', () => {
		const p = new LessonPredictions(lesson.steps);
		expect(p.waits(choiceStep)).toBe(true);
		expect(p.waits(0)).toBe(false); // no prediction there
		p.answer(choiceStep, 0);
		expect(p.status(choiceStep)).toEqual({ state: 'answered', guess: 0, right: false });
		p.retry(choiceStep);
		expect(p.waits(choiceStep)).toBe(true);
		p.skip(choiceStep);
		expect(p.status(choiceStep)).toEqual({ state: 'skipped' });
		p.asks = false;
		expect(p.waits(timeStep)).toBe(false);
	});

	it('marks the draft while asking, then the guess beside the answer at its step and the next', () => {
		const p = new LessonPredictions(lesson.steps);
		const truth = lesson.steps[timeStep].predict as { ms: number };
		expect(p.marks(timeStep, 'time')).toEqual([]);
		p.draft = 300;
		expect(p.marks(timeStep, 'time')).toEqual([{ at: 300, kind: 'guess' }]);
		p.answer(timeStep, 300);
		const both = [
			{ at: 300, kind: 'guess' },
			{ at: truth.ms, kind: 'answer' }
		];
		expect(p.marks(timeStep, 'time')).toEqual(both);
		expect(p.marks(timeStep + 1, 'time')).toEqual(both);
		expect(p.marks(timeStep + 2, 'time')).toEqual([]);
	});
});

describe('a lesson session with predictions', () => {
	it('holds Next, Play and a jump at an unanswered prediction, until answered or skipped', () => {
		const { session } = openLesson(lesson, { ...DEFAULTS, step: 1 });
		session.goTo(lesson.steps.length - 1);
		expect(session.step).toBe(asked[0]);
		expect(session.waiting).toBe(true);
		session.scrub(50);
		session.next();
		// Next did nothing: the step did not even restart (a scrubbed moment stays).
		expect([session.step, session.moment]).toEqual([asked[0], 50]);
		session.toggle();
		expect([session.step, session.playing]).toEqual([asked[0], false]);
		session.predictions.answer(session.step, 0);
		session.next();
		expect(session.step).toBe(asked[0] + 1);
		session.goTo(lesson.steps.length - 1);
		expect(session.step).toBe(asked[1]);
		session.predictions.skip(session.step);
		session.goTo(lesson.steps.length - 1);
		expect(session.step).toBe(asked[2] ?? lesson.steps.length - 1);
	});

	it('stops play that arrives at an unanswered prediction, and plays on after the answer', () => {
		const frames = fakeFrames(16);
		const { session } = openLesson(lesson, { ...DEFAULTS, step: 1, speed: 4 }, frames.source);
		session.toggle();
		frames.advance(120_000);
		expect([session.playing, session.step]).toEqual([false, asked[0]]);
		session.predictions.answer(asked[0], 0);
		session.toggle();
		frames.advance(120_000);
		expect([session.playing, session.step]).toEqual([false, asked[1]]);
	});
});
