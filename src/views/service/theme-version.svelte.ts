import { onThemeChange } from './palette';

/**
 * A number that changes whenever the theme may have changed, for canvases to repaint with the new
 * palette. Call it while a component initialises: it listens for as long as the component lives.
 */
export function themeVersion(): { readonly value: number } {
	let version = $state(0);
	$effect(() => onThemeChange(() => version++));
	return {
		get value() {
			return version;
		}
	};
}
