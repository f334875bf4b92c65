import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { LessonNumbers } from '../../src/state/lesson-numbers.svelte';
import { lessonRun } from '../../src/state/lesson-runs';
import { openLesson } from '../../src/state/lesson-session.svelte';
import { loadNumbersCode } from '../../src/state/numbers-code.svelte';
import { draggedNumber, fitNumber } from '../../src/state/number-values';
import { DEFAULTS } from '../../src/url/params';

// A page loads the check of numbered runs the first time a number changes; here, at once.
await loadNumbersCode();
const lesson = (await readLessonFiles('lessons', 'blocking-vs-offloaded')) as Lesson;
const work = lesson.params.find((p) => p.name === 'work')!;

describe('fitNumber(param, value) and draggedNumber(param, start, dx)', () => {
	it('clamps to min..max and snaps to the steps', () => {
		expect([5, 54, 56, 1200, NaN].map((v) => fitNumber(work, v))).toEqual([10, 50, 60, 500, null]);
		expect(fitNumber({ ...work, min: 0, step: 0.1 }, 0.30000000000000004)).toBe(0.3);
	});

	it('moves one step per 6 px of sideways drag, either way', () => {
		expect([0, 5, 6, 31, -12].map((dx) => draggedNumber(work, 200, dx))).toEqual([
			200, 200, 210, 250, 180
		]);
	});
});

describe('LessonNumbers', () => {
	it('keeps only values that differ from the lesson, fitted', () => {
		const n = new LessonNumbers(lesson.params);
		n.set('work', 54);
		n.set('count', 5);
		n.set('nope', 3);
		expect(n.values).toEqual({ work: 50 });
		expect([n.value('work'), n.value('count')]).toEqual([50, 5]);
		expect(n.summary).toBe('work duration 50 ms (lesson 200 ms)');
		expect(n.changedIn('pool-of-2').map((p) => p.name)).toEqual(['work']);
		n.set('work', 200);
		expect(n.changed).toEqual([]);
		n.set('pool', 4);
		expect(n.changedIn('time-sleep')).toEqual([]);
		n.reset();
		expect(n.values).toEqual({});
	});
});

describe('LessonSession with changed numbers', () => {
	const open = (set: string | null, step = 1) => openLesson(lesson, { ...DEFAULTS, step, set });

	it('runs the changed variants anew, the others stay the lesson’s own runs', () => {
		const { session, notes } = open('work:50,pool:4');
		expect(notes).toEqual([]);
		const ends = (name: string) => session.run(name).result.requests.map((r) => r.endMs);
		expect(ends('time-sleep')).toEqual([50, 100, 150, 200, 250]);
		expect(session.run('pool-of-2').result.scenario).toBe('upload-pool-of-2');
		expect(session.urlState().set).toBe('work:50,pool:4');
		session.numbers.set('work', 200);
		session.numbers.set('pool', 2);
		expect(session.run('time-sleep')).toBe(lessonRun(lesson, 'time-sleep'));
		expect(session.urlState().set).toBeNull();
	});

	it('hands the changed scenario to whatever runs the variant shown (a real run, live mode)', () => {
		const { session } = open('work:50');
		session.variant = 'time-sleep';
		const work = (s: typeof session.shownScenario) =>
			JSON.stringify(s.handlers).match(/"op":"block","ms":(\d+)/)?.[1];
		expect(work(session.shownScenario)).toBe('50');
		expect(session.shownScenario).toBe(session.run('time-sleep').scenario);
	});

	it('ignores a bad set= with a note', () => {
		const { session, notes } = open('work:7');
		expect(session.numbers.values).toEqual({});
		expect(notes).toEqual(['set: "work:7" is outside 10 ms to 500 ms; ignored.']);
	});

	it('holds a prediction to the lesson’s numbers: not asked, not waiting, while they differ', () => {
		const asking = lesson.steps.findIndex((s) => s.predict && s.predict.kind !== 'line');
		const { session } = open(null, asking + 1);
		expect(session.waiting).toBe(true);
		session.numbers.set('work', 50);
		expect([session.waiting, session.predictions.status(asking)]).toEqual([
			false,
			{ state: 'suspended' }
		]);
		session.numbers.reset();
		expect(session.waiting).toBe(true);
	});

	it('keeps asking a line prediction: the numbers never move the code', () => {
		const line = lesson.steps.findIndex((s) => s.predict?.kind === 'line');
		const { session } = open('work:50', line + 1);
		expect(session.waiting).toBe(true);
	});

	it('gives the current step a stale note computed from its variant’s new run', async () => {
		const at = lesson.steps.findIndex((s) => s.text.startsWith('Answers at'));
		const { session } = open('work:50', at + 1);
		expect(session.stale?.moved).toBe('r5 ends at 250 ms, not 1,000 ms');
		session.numbers.reset();
		expect(session.stale).toBeNull();
	});
});
