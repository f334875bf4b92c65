import type { Stepper } from './player.svelte';

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
			' ': () => stepper.toggle(),
			Home: () => stepper.goTo(0),
			End: () => stepper.goTo(stepper.count - 1)
		};
		const act = actions[e.key];
		if (!act) return;
		e.preventDefault();
		act();
	};
}
