/** Messages between an embedded lesson and the page around it (DESIGN.md, interaction contract). */
export interface StepMessage {
	type: 'event-loop-lab:step';
	lesson: string;
	step: number;
	variant: string;
}

export interface ResizeMessage {
	type: 'event-loop-lab:resize';
	height: number;
}

/** The 1-based step of a well-formed `goto` message, or null for anything else. */
export function gotoStep(data: unknown, count: number): number | null {
	if (typeof data !== 'object' || data === null) return null;
	const m = data as Record<string, unknown>;
	if (m.type !== 'event-loop-lab:goto') return null;
	const step = m.step;
	return typeof step === 'number' && Number.isInteger(step) && step >= 1 && step <= count
		? step
		: null;
}
