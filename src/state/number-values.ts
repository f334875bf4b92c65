import type { LessonParam } from '../content/lesson-params';

/** A value brought into the param's range and onto its steps (from `min`), or null for no number. */
export function fitNumber(param: LessonParam, value: number): number | null {
	if (!Number.isFinite(value)) return null;
	const steps = Math.round((value - param.min) / param.step);
	const snapped = param.min + steps * param.step;
	// Rounded to the step's own decimals, so 0.1 steps never show 0.30000000000000004.
	const decimals = (String(param.step).split('.')[1] ?? '').length;
	return Math.min(param.max, Math.max(param.min, Number(snapped.toFixed(decimals))));
}

/** Pixels of sideways drag per step: small enough to sweep a range, big enough to aim. */
export const DRAG_PX_PER_STEP = 6;

/** The value a sideways drag of `dx` px from `start` sets. */
export function draggedNumber(param: LessonParam, start: number, dx: number): number {
	const moved = start + Math.trunc(dx / DRAG_PX_PER_STEP) * param.step;
	return fitNumber(param, moved) ?? start;
}
