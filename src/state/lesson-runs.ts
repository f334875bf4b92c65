import {
	numberedScenario,
	numbersKey,
	type NumberValues,
	type ScenarioCheck
} from '../content/numbered-scenario';
import type { StageLesson } from '../content/types';
import { runVariant, type VariantRun } from './variant-run';
import { eachWhenIdle } from './when-idle';

// Deterministic runs, memoised per lesson object: the page, its pictures and its stage share them.
const memo = new WeakMap<StageLesson, Map<string, VariantRun>>();
// Runs with the learner's numbers: the last few, so dragging back and forth re-simulates rarely.
const NUMBERED_KEPT = 24;

/**
 * A lesson's variant, simulated once per lesson (an unknown name gives its first variant), with
 * the learner's `numbers` where they change it (a new run per new set of numbers, checked with
 * `check`; without it, the lesson's own run).
 */
export function lessonRun(
	lesson: StageLesson,
	name: string,
	numbers: NumberValues = {},
	check?: ScenarioCheck
): VariantRun {
	let runs = memo.get(lesson);
	if (!runs) memo.set(lesson, (runs = new Map()));
	const v = lesson.variants.find((x) => x.name === name) ?? lesson.variants[0];
	const key = numbersKey(lesson.params ?? [], v.name, numbers);
	const id = key === '' ? name : `${v.name}|${key}`;
	let run = runs.get(id);
	if (!run) {
		const numbered =
			key === '' ? null : check && numberedScenario(lesson.params, v, numbers, check);
		// Numbers with no check to hand, or that the engine refuses (it never should, within min and
		// max), show the lesson's run.
		if (numbered === undefined || (numbered && 'error' in numbered)) return lessonRun(lesson, name);
		run = runVariant(v.name, v.label, numbered?.scenario ?? v.scenario);
		runs.set(id, run);
		if (key !== '') forgetOldest(runs);
	}
	return run;
}

function forgetOldest(runs: Map<string, VariantRun>): void {
	const numbered = [...runs.keys()].filter((k) => k.includes('|'));
	for (const k of numbered.slice(0, Math.max(0, numbered.length - NUMBERED_KEPT))) runs.delete(k);
}

/**
 * Simulates the lesson's variants not yet run, one per idle moment, so a step or a button that
 * first shows one finds it ready (a run costs up to tens of milliseconds); then what debug mode
 * would print for each, which the tools panel shows (a second run each, in the panel's own
 * chunk, so it loads only once the runs are warm). Returns a stop.
 */
export function warmLessonRuns(lesson: StageLesson): () => void {
	const names = lesson.variants.map((v) => v.name);
	let stopped = false;
	let stopLogs = () => {};
	const stopRuns = eachWhenIdle([...names, null], (name) => {
		if (name !== null) lessonRun(lesson, name);
		else
			void import('./debug-run').then(({ debugOnLog }) => {
				if (stopped) return;
				stopLogs = eachWhenIdle(names, (n) => {
					const { scenario } = lessonRun(lesson, n);
					if (!scenario.runtime.debug) debugOnLog(scenario);
				});
			});
	});
	return () => {
		stopped = true;
		stopRuns();
		stopLogs();
	};
}
