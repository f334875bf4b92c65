// What a lesson needs once the learner's numbers differ from its own, loaded only then (never in
// a page's first JS): the engine's check of a changed scenario, and the stale-narration note.
let code = $state.raw<typeof import('./numbered-code') | null>(null);
let loading: Promise<unknown> | null = null;

/** That code once loaded, else null (reactive: a reader re-runs when it arrives). */
export function numbersCode(): typeof import('./numbered-code') | null {
	return code;
}

/** Loads that code (once); resolves when it is there. */
export function loadNumbersCode(): Promise<unknown> {
	return (loading ??= import('./numbered-code').then((m) => (code = m)));
}
