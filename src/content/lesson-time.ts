import { existsSync, readFileSync } from 'node:fs';
import { parseStepsFile } from './steps-file';
import type { LessonStep } from './types';

// Reading speed for instructional text read while looking at a picture: slower than prose.
const WORDS_PER_MINUTE = 180;
// Looking at the views a step changes, beyond reading its words.
const LOOK_S = 10;
// Thinking before answering a prediction, and the recap question at the end.
const THINK_S = 20;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * About how many minutes a lesson takes: its narration, predictions and recap read at 180 words
 * a minute, 10 s per step to look at the views, 20 s to think per prediction and for the recap.
 * "Measured on CPython" disclosures start closed and are not counted.
 */
export function lessonMinutes(steps: readonly LessonStep[], recapText: string): number {
	const text = steps
		.map((s) =>
			[
				s.text,
				s.predict?.prompt,
				...(s.predict?.kind === 'choice' ? s.predict.choices : []),
				s.predict?.explain
			].join(' ')
		)
		.join(' ');
	const predictions = steps.filter((s) => s.predict).length;
	const seconds =
		((words(text) + words(recapText)) / WORDS_PER_MINUTE) * 60 +
		steps.length * LOOK_S +
		(predictions + 1) * THINK_S;
	return Math.max(1, Math.round(seconds / 60));
}

/** The minutes of the lesson whose steps.md is `file` (null when there is none): build and command line alike. */
export function stepsFileMinutes(file: string): number | null {
	if (!existsSync(file)) return null;
	const { steps, question: q } = parseStepsFile(file, readFileSync(file, 'utf8'));
	return lessonMinutes(steps, q ? [q.prompt, ...q.choices, q.explain].join(' ') : '');
}
