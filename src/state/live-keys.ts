import { keyBelongsToControl } from './step-keys';

/** The live client's key, as the page shows it and as `aria-keyshortcuts` names it. */
export const SEND_KEY = 'R';

/**
 * True for a press of R (either case, no modifier, not held down) that the focused control does
 * not use itself: it sends a request. R is free of the step keys (←/→, Space, Home, End); in a
 * text field or a menu the letter stays the field's.
 */
export function isSendKey(e: KeyboardEvent): boolean {
	if (e.key.toUpperCase() !== SEND_KEY || e.repeat || e.defaultPrevented) return false;
	if (e.ctrlKey || e.metaKey || e.altKey) return false;
	return !keyBelongsToControl(e.target instanceof Element ? e.target : null, e.key);
}
