import { describe, expect, it } from 'vitest';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import { frameViolations } from '../../simulations/index';
import { stepFrame } from '../../src/content/step-frame';
import type { Lesson } from '../../src/content/types';
import { lessonRun } from '../../src/state/lesson-runs';
import { openLesson } from '../../src/state/lesson-session.svelte';
import { dwellFor } from '../../src/state/play-plan';
import { DEFAULTS } from '../../src/url/params';
import { fakeFrames } from './fake-frames';

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
	it('each new step drops the chosen variant and moment', () => {
		const frames = fakeFrames();
		const { session } = openLesson(lesson, { ...link, speed: 2 }, frames.source);
		session.show('stove');
		session.scrub(10);
		expect([session.variant, session.moment, session.cursor, session.frame.t]).toEqual([
			'stove',
			10,
			10,
			10
		]);
		session.next();
		expect([session.step, session.variant, session.moment]).toEqual([1, null, null]);
	});

	it('shares its simulated runs with the rest of the page (one run per variant)', () => {
		const { session } = openLesson(lesson, link);
		const run = session.shownRun;
		expect(run).toBe(lessonRun(lesson, session.shown));
		const step = session.current;
		expect(session.frame).toEqual(
			stepFrame(run.framer, run.result.trace ?? [], step.t, step.event)
		);
	});

	it('draws the before/after pair on one axis when comparing', () => {
		const { session } = openLesson(lesson, link);
		expect(session.compared.map((r) => r.name)).toEqual([session.shown]);
		session.compare = true;
		expect(session.compared.map((r) => r.name)).toEqual(lesson.compare);
	});
});

describe('LessonSession: one time for every view', () => {
	it('shows every step of every lesson at exactly its t, in its own variant and in the others', async () => {
		for (const { slug } of listLessonFiles('lessons')) {
			const l = (await readLessonFiles('lessons', slug)) as Lesson;
			const { session } = openLesson(l, link);
			for (let i = 0; i < l.steps.length; i++) {
				session.predictions.skip(session.step); // a waiting prediction holds goTo
				session.goTo(i);
				const other = l.variants.find((v) => v.name !== session.current.variant)?.name;
				expect([i, session.cursor, session.frame.t]).toEqual([i, l.steps[i].t, l.steps[i].t]);
				if (other) expect(session.frameIn(other).t).toBe(l.steps[i].t);
			}
		}
	});
});

/** Plays from step 1 and records, frame by frame, the step, the cursor and the frame's time. */
function play(speed: number, wallMs: number, frameMs = 16) {
	const frames = fakeFrames(frameMs);
	const { session } = openLesson(lesson, { ...link, speed }, frames.source);
	// Play through every step: the predictions that stop play are predictions.test.ts's.
	session.predictions.asks = false;
	const seen: {
		step: number;
		cursor: number;
		frameT: number;
		text: string;
		violations: string[];
	}[] = [];
	session.toggle();
	frames.advance(wallMs, () =>
		seen.push({
			step: session.step,
			cursor: session.cursor,
			frameT: session.frame.t,
			text: session.current.text,
			violations: frameViolations(session.frame)
		})
	);
	return { session, frames, seen };
}

/** Wall ms of play (1 ms frames) until it reaches `step`. */
function wallUntil(speed: number, step: number): number {
	const frames = fakeFrames(1);
	const { session } = openLesson(lesson, { ...link, speed }, frames.source);
	session.predictions.asks = false;
	session.toggle();
	let ms = 0;
	while (session.step < step) {
		frames.advance(1);
		ms++;
	}
	return ms;
}

describe('LessonSession playing on fake animation frames', () => {
	const steps = lesson.steps;
	const seen = play(1, 20_000).seen;
	// A frame halfway through the first move between two steps.
	const moving = seen.filter((s) => s.step === seen.find((x) => x.cursor > steps[x.step].t)?.step);
	const mid = seen.indexOf(moving.filter((s) => s.cursor > steps[s.step].t)[5]);

	it('moves the cursor steadily through the times between steps, and pauses at each for its text', () => {
		expect(seen.every((s) => s.frameT === s.cursor)).toBe(true);
		expect(seen.flatMap((s) => s.violations)).toEqual([]);
		// Within a step, time only goes forward, from the step's own t up to (not reaching) the next's.
		for (let i = 1; i < seen.length; i++) {
			if (seen[i].step !== seen[i - 1].step) continue;
			expect(seen[i].cursor).toBeGreaterThanOrEqual(seen[i - 1].cursor);
		}
		const reached = [...new Set(seen.map((s) => s.step))];
		expect(reached.length).toBeGreaterThan(3);
		for (const i of reached.slice(0, -1)) {
			const at = seen.filter((s) => s.step === i);
			expect(new Set(at.map((s) => s.text))).toEqual(new Set([steps[i].text]));
			const cursors = at.map((s) => s.cursor);
			expect(Math.min(...cursors)).toBe(steps[i].t);
			// The pause: frames (16 ms) at the step's own time, as long as its text asks.
			const still = cursors.filter((c) => c === steps[i].t).length * 16;
			expect(still).toBeGreaterThanOrEqual(dwellFor(steps[i].text) - 16);
			const next = steps[i + 1];
			if (next.variant === steps[i].variant && next.t > steps[i].t) {
				expect(Math.max(...cursors)).toBeLessThan(next.t);
				const between = new Set(cursors.filter((c) => c > steps[i].t));
				expect(between.size).toBeGreaterThan(1);
			} else expect(new Set(cursors)).toEqual(new Set([steps[i].t]));
		}
	});

	it('takes half the wall time at speed 2, for the pauses and the moves alike', () => {
		for (const step of [2, 5, 7]) {
			// Each pause or move may run up to one 1 ms frame over.
			expect(Math.abs(wallUntil(2, step) - wallUntil(1, step) / 2)).toBeLessThanOrEqual(2 * step);
		}
	});

	it('keeps the cursor through pause and resume, and the narration on the step last reached', () => {
		const { session, frames } = play(1, 16 * (mid + 1));
		const { cursor, step } = seen[mid];
		expect([session.cursor, session.step]).toEqual([cursor, step]);
		session.toggle();
		frames.advance(5000);
		expect([session.playing, session.cursor, session.step]).toEqual([false, cursor, step]);
		session.toggle();
		frames.advance(16);
		expect([session.playing, session.step]).toEqual([true, step]);
		expect(session.cursor).toBeGreaterThanOrEqual(cursor);
		expect(session.current.text).toBe(steps[step].text);
	});

	it('keeps the step in the URL while playing, and `t` only for a scrubbed moment', () => {
		const { session } = play(1, 16 * (mid + 1));
		expect(session.cursor).toBeGreaterThan(session.current.t);
		expect(session.urlState()).toMatchObject({ step: seen[mid].step + 1, t: null });
		session.scrub(123);
		expect([session.playing, session.urlState().t, session.frame.t]).toEqual([false, 123, 123]);
		session.reset();
		expect([session.cursor, session.step]).toEqual([session.current.t, seen[mid].step]);
	});

	it('stops at the end, and Play there starts again from the first step', () => {
		const { session } = play(4, 600_000);
		expect([session.player.ended, session.step]).toEqual([true, steps.length - 1]);
		session.toggle();
		expect([session.playing, session.step]).toEqual([true, 0]);
	});
});
