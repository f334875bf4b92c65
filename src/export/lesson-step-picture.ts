import { stepFrame } from '../content/step-frame';
import type { Lesson } from '../content/types';
import { loopStatus } from '../views/stage/loop-status';
import type { StepPictureInput } from './step-picture';
import { lessonRun } from '../state/lesson-runs';

/**
 * What the pictures of a lesson's steps show, by 0-based step index: each step's own variant at
 * its own moment, as the lesson page shows the step before any scrubbing. Each variant is
 * simulated once, however many of its steps are drawn (and the page's own runs are reused).
 */
export function stepPictureInputs(lesson: Lesson): (index: number) => StepPictureInput {
	return (index) => {
		const step = lesson.steps[index];
		const r = lessonRun(lesson, step.variant);
		const frame = stepFrame(r.framer, r.result.trace ?? [], step.t, step.event);
		return {
			title: `${lesson.number}. ${lesson.title}`,
			step: index + 1,
			count: lesson.steps.length,
			variant: r.label,
			t: frame.t,
			narration: step.text,
			status: loopStatus(frame),
			hungReason: frame.hungReason,
			timeline: r.timeline
		};
	};
}

/** PNG width in pixels, from the page and the command line: sharp in a README's ~900 px column and on dense screens. */
export const PNG_WIDTH = 1200;

/** The file name a step's picture is saved under, the same from the page and the command line. */
export function pictureFileName(slug: string, step: number, format: 'svg' | 'png'): string {
	return `${slug}-step-${step}.${format}`;
}
