// The code that checks a step's narration against the learner's run: loaded the first time their
// numbers differ from the lesson's, never in a page's first JS.
let code = $state.raw<typeof import('./stale-narration') | null>(null);
let loading: Promise<unknown> | null = null;

/** The stale note's code once loaded, else null (reactive: a reader re-runs when it arrives). */
export function staleCode(): typeof import('./stale-narration') | null {
	return code;
}

/** Loads the stale note's code (once); resolves when it is there. */
export function loadStaleCode(): Promise<unknown> {
	return (loading ??= import('./stale-narration').then((m) => (code = m)));
}
