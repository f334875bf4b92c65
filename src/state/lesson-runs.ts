import type { Lesson } from '../content/types';
import { runVariant, type VariantRun } from './variant-run';
import { whenIdle } from './when-idle';

// Deterministic runs, memoised per lesson object: the page, its pictures and its stage share them.
const memo = new WeakMap<Lesson, Map<string, VariantRun>>();

/** A lesson's variant, simulated once per lesson (an unknown name gives its first variant). */
export function lessonRun(lesson: Lesson, name: string): VariantRun {
	let runs = memo.get(lesson);
	if (!runs) memo.set(lesson, (runs = new Map()));
	let run = runs.get(name);
	if (!run) {
		const v = lesson.variants.find((x) => x.name === name) ?? lesson.variants[0];
		run = runVariant(v.name, v.label, v.scenario);
		runs.set(name, run);
	}
	return run;
}

/**
 * Simulates the lesson's variants not yet run, one per idle moment, so a step or a button that
 * first shows one finds it ready (a run costs up to tens of milliseconds). Returns a stop.
 */
export function warmLessonRuns(lesson: Lesson): () => void {
	const names = lesson.variants.map((v) => v.name);
	let cancel = () => {};
	const next = () => {
		const name = names.shift();
		if (name === undefined) return;
		lessonRun(lesson, name);
		cancel = whenIdle(next);
	};
	cancel = whenIdle(next);
	return () => cancel();
}
