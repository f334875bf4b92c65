export type Theme = 'auto' | 'light' | 'dark';

const KEY = 'event-loop-lab:theme';

/** The saved theme choice (auto follows the system). */
export function savedTheme(): Theme {
	try {
		const t = localStorage.getItem(KEY);
		return t === 'light' || t === 'dark' ? t : 'auto';
	} catch {
		return 'auto';
	}
}

/** Shows the document in a theme, for this page only (an embed must not change the lab's choice). */
export function showTheme(theme: Theme): void {
	if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
	else document.documentElement.setAttribute('data-theme', theme);
}

/** Applies a theme to the document and remembers it. */
export function applyTheme(theme: Theme): void {
	showTheme(theme);
	try {
		localStorage.setItem(KEY, theme);
	} catch {
		// Storage can be blocked (private mode, sandboxed frames): the choice then lasts the visit.
	}
}
