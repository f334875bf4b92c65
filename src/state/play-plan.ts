import { timeMove, type TimeMove } from './time-move';

/** How long play pauses at a narrated step, at 1×: long enough to read its text. */
export const DWELL = { baseMs: 1200, perWordMs: 45 } as const;

/** What playing does at each step: how long it pauses there, then how it moves to the next. */
export interface PlayPlan {
	/** Wall ms at 1× that play stays at `step` before moving on. */
	dwellMs(step: number): number;
	/** The continuous move from `step` to the next, or null where play cuts straight to it. */
	move(step: number): TimeMove | null;
}

/** The pause for a narration of this text at 1× (wall ms). */
export function dwellFor(text: string): number {
	const words = text.split(/\s+/).filter((w) => /\w/.test(w)).length;
	return DWELL.baseMs + DWELL.perWordMs * words;
}

/** The narrated steps of a lesson as play needs them. */
export interface PlayedStep {
	variant: string;
	t: number;
	text: string;
}

/**
 * A lesson's plan: each step pauses for its text; play moves continuously to the next step when
 * it is later in the same variant, and cuts to it otherwise (another variant, or the same time,
 * which plays as a pause only). `eventTimes(variant)` are the times of that run's trace events.
 */
export function lessonPlan(
	steps: readonly PlayedStep[],
	eventTimes: (variant: string) => readonly number[]
): PlayPlan {
	const moves = new Map<number, TimeMove | null>();
	return {
		dwellMs: (step) => dwellFor(steps[step]?.text ?? ''),
		move(step) {
			if (!moves.has(step)) {
				const a = steps[step];
				const b = steps[step + 1];
				const continuous = a && b && a.variant === b.variant && b.t > a.t;
				moves.set(step, continuous ? timeMove(eventTimes(a.variant), a.t, b.t) : null);
			}
			return moves.get(step) ?? null;
		}
	};
}

/** A plan that pauses `ms` at every step and never moves between them (the playground's events). */
export function evenPlan(ms: number): PlayPlan {
	return { dwellMs: () => ms, move: () => null };
}
