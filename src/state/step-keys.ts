import type { Stepper } from './player.svelte';

/** The step keys and what each does to a stepper. */
const ACTIONS: Record<string, (s: Stepper) => void> = {
	ArrowRight: (s) => s.next(),
	ArrowLeft: (s) => s.previous(),
	' ': (s) => s.toggle(),
	Home: (s) => s.goTo(0),
	End: (s) => s.goTo(s.count - 1)
};

/** The same keys as `aria-keyshortcuts` values, for the controls that do the same thing. */
export const KEY_SHORTCUTS = {
	next: 'ArrowRight',
	previous: 'ArrowLeft',
	toggle: 'Space',
	restart: 'Home'
} as const;

const ARROWS_AND_ENDS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);
// Input types whose keys are all their own (typing, a caret, a picker).
const TYPED = /^(text|search|email|url|tel|password|number|date|time|datetime-local|month|week)$/;

/**
 * True when the focused element uses `key` itself, so the page must leave it alone: text fields,
 * selects and editable areas use every key; a slider uses the arrows and Home/End; a button, a
 * link, a checkbox or a summary keeps Space (its click); a radio group moves with the arrows.
 * Anything else (a button after a click, say) lets the step keys work.
 */
export function keyBelongsToControl(target: Element | null, key: string): boolean {
	if (!target) return false;
	if (target.closest('textarea, select, dialog, [contenteditable=""], [contenteditable="true"]'))
		return true;
	if (target instanceof HTMLInputElement) {
		const type = target.type;
		if (TYPED.test(type)) return true;
		if (type === 'range') return ARROWS_AND_ENDS.has(key);
		if (type === 'radio') return key === ' ' || ARROWS_AND_ENDS.has(key);
		return key === ' ';
	}
	if (target.closest('[role="slider"], [role="radiogroup"], [role="tablist"]'))
		return ARROWS_AND_ENDS.has(key) || key === ' ';
	return key === ' ' && target.closest('button, a[href], summary, [role="button"]') !== null;
}

/**
 * The page's keys for a stepper (←/→ step, Space plays or pauses, Home/End), for `svelte:window`:
 * they work wherever focus is, except where the focused control uses the key itself.
 */
export function stepKeys(of: () => Stepper): (e: KeyboardEvent) => void {
	return (e) => {
		const act = ACTIONS[e.key];
		if (!act || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
		if (keyBelongsToControl(e.target instanceof Element ? e.target : null, e.key)) return;
		e.preventDefault();
		act(of());
	};
}
