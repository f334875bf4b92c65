import { browserStore, readJson, writeJson, type Store } from '../storage/stored-json';
import { decodeScenarioLink } from '../url/scenario-link';
import type { PlaygroundTab, UrlState } from '../url/params';

const KEY = 'event-loop-lab:playground-python';

/** The Python tab's program as this tab last kept it, or null. */
export function readProgram(s: Store | null = browserStore('sessionStorage')): string | null {
	const v = readJson(s, KEY);
	return typeof v === 'string' ? v : null;
}

/** Keeps the program, as the scenario drafts are kept (this tab's storage, where allowed). */
export function saveProgram(code: string, s: Store | null = browserStore('sessionStorage')): void {
	writeJson(s, KEY, code);
}

/**
 * What the Python tab opens with: the link's program, else this tab's, else the sample; the tab
 * the link names; and, when the link's program cannot be read, a notice saying why.
 */
export function pythonStart(
	url: Pick<UrlState, 'py' | 'tab'>,
	saved: string | null,
	sample: string
): { code: string; tab: PlaygroundTab; notice: string | null } {
	const code = saved ?? sample;
	if (url.py === null) return { code, tab: url.tab, notice: null };
	const linked = decodeScenarioLink(url.py, 'program');
	if (linked.ok) return { code: linked.text, tab: url.tab, notice: null };
	const shown = saved === null ? 'the sample program' : 'the program you were editing in this tab';
	return {
		code,
		tab: url.tab,
		notice: `This link’s Python program cannot be opened: ${linked.message} Showing ${shown} instead.`
	};
}
