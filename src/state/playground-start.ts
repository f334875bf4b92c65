import type { PlaygroundStart } from './playground-session.svelte';
import { decodeScenarioLink } from '../url/scenario-link';
import { browserStore, readJson, writeJson, type Store } from '../storage/stored-json';
import type { UrlState } from '../url/params';

const KEY = 'event-loop-lab:playground';

/** The scenarios typed in this tab, kept so a bad link or a visit elsewhere loses nothing. */
export interface Drafts {
	a: string;
	b: string | null;
}

/** This tab's last drafts, or null (none, or unreadable). */
export function readDrafts(s: Store | null = browserStore('sessionStorage')): Drafts | null {
	const v = readJson(s, KEY) as Partial<Drafts> | null;
	if (typeof v?.a !== 'string') return null;
	return { a: v.a, b: typeof v.b === 'string' ? v.b : null };
}

/** Keeps this tab's drafts; where storage is blocked they still live in the page and its URL. */
export function saveDrafts(drafts: Drafts, s: Store | null = browserStore('sessionStorage')): void {
	writeJson(s, KEY, drafts);
}

/**
 * What the playground opens with: the link's scenarios, else this tab's drafts, else the
 * sample; and, when the link's scenario cannot be read, a notice saying why and what is shown.
 * `fromLink`: scenario A is the link's.
 */
export function playgroundStart(
	url: UrlState,
	saved: Drafts | null,
	sample: string
): { start: PlaygroundStart; notice: string | null; fromLink: boolean } {
	// Drafts that are only the sample, untouched, are not work to keep.
	const typed = saved && (saved.a !== sample || saved.b !== null) ? saved : null;
	let drafts = typed ?? { a: sample, b: null };
	let notice: string | null = null;
	let fromLink = false;
	if (url.s !== null) {
		const a = decodeScenarioLink(url.s);
		const b = url.b === null ? null : decodeScenarioLink(url.b);
		if (!a.ok) {
			const shown = typed ? 'the scenario you were editing in this tab' : 'the sample scenario';
			notice = `This link’s scenario cannot be opened: ${a.message} Showing ${shown} instead.`;
		} else {
			drafts = { a: a.text, b: b?.ok ? b.text : null };
			fromLink = true;
			if (b && !b.ok) notice = `This link’s variant B cannot be opened: ${b.message}`;
		}
	}
	return {
		start: {
			...drafts,
			active: url.variant === 'b' && drafts.b !== null ? 'b' : 'a',
			compare: url.compare,
			step: url.step - 1,
			moment: url.t,
			speed: url.speed
		},
		notice,
		fromLink
	};
}
