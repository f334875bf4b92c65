import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { openLesson } from '../../src/state/lesson-session.svelte';
import { DEFAULTS } from '../../src/url/params';
import { fakeFrames } from './fake-frames';

const lesson = (await readLessonFiles('lessons', 'restaurant')) as Lesson;

describe('Player (Svelte state)', () => {
	it('re-runs what reads the step once per step, however many frames play draws', () => {
		const frames = fakeFrames();
		const runs = { variant: 0, url: 0, time: 0, link: 0 };
		const steps = new Set<number>();
		const times = new Set<number>();
		const stop = $effect.root(() => {
			const { session } = openLesson(lesson, { ...DEFAULTS, step: 1 }, frames.source);
			// A value that stays the same from step to step (the page's playground link is one).
			const variant = $derived.by(() => (runs.variant++, session.current.variant));
			$effect(() => void (runs.url++, session.urlState(), variant, steps.add(session.step)));
			$effect(() => void (runs.time++, times.add(session.time)));
			// What only the variant on show decides (the page's playground link) runs once per variant.
			const link = $derived.by(() => (runs.link++, session.shown));
			$effect(() => void link);
			session.toggle();
		});
		flushSync();
		for (let i = 0; i < 1000; i++) {
			frames.advance(16);
			flushSync();
		}
		stop();
		expect(steps.size).toBeGreaterThan(3);
		expect([runs.variant, runs.url, runs.link]).toEqual([steps.size, steps.size, 1]);
		expect(times.size).toBeGreaterThan(steps.size);
		expect(runs.time).toBeLessThan(1000 / 2);
	});
});
