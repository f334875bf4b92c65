/** What the step controls drive: a lesson's narrated steps, or the events of a playground run. */
export interface Stepper {
	/** 0-based. */
	readonly step: number;
	readonly count: number;
	playing: boolean;
	speed: number;
	/** The current step's virtual time (ms). */
	readonly current: { t: number };
	goTo(step: number): void;
	next(): void;
	previous(): void;
}

/** `step` kept within the stepper's steps. */
export function clampStep(stepper: Stepper, step: number): number {
	return Math.max(0, Math.min(stepper.count - 1, step));
}

/** Goes one step forward; at the last step, playback stops instead. */
export function stepForward(stepper: Stepper): void {
	if (stepper.step < stepper.count - 1) stepper.goTo(stepper.step + 1);
	else stepper.playing = false;
}

/**
 * While the stepper plays, steps forward every `periodMs` at 1× speed. Call during component
 * set-up; `of` gives the stepper (a prop may be replaced).
 */
export function playSteps(of: () => Stepper, periodMs: number): void {
	$effect(() => {
		const stepper = of();
		if (!stepper.playing) return;
		const timer = setInterval(() => stepper.next(), periodMs / stepper.speed);
		return () => clearInterval(timer);
	});
}

/**
 * The page's keys for a stepper (←/→ step, Space plays or pauses, Home/End), for `svelte:window`;
 * keys typed into a control belong to that control.
 */
export function stepKeys(of: () => Stepper): (e: KeyboardEvent) => void {
	return (e) => {
		const stepper = of();
		const target = e.target as HTMLElement;
		if (target.closest('input, select, textarea, button, a, dialog, [contenteditable]')) return;
		const actions: Record<string, () => void> = {
			ArrowRight: () => stepper.next(),
			ArrowLeft: () => stepper.previous(),
			' ': () => (stepper.playing = !stepper.playing),
			Home: () => stepper.goTo(0),
			End: () => stepper.goTo(stepper.count - 1)
		};
		const act = actions[e.key];
		if (!act) return;
		e.preventDefault();
		act();
	};
}
