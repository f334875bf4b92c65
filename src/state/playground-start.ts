import type { PlaygroundStart } from './playground-session.svelte';
import { decodeScenarioLink } from './scenario-link';
import type { UrlState } from './url';

const KEY = 'event-loop-lab:playground';

/** The scenarios typed in this tab, kept so a bad link or a visit elsewhere loses nothing. */
export interface Drafts {
	a: string;
	b: string | null;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function store(): Store | null {
	try {
		return globalThis.sessionStorage ?? null;
	} catch {
		return null; // blocked storage (sandboxed frames): drafts then last the page
	}
}

/** This tab's last drafts, or null (none, or unreadable). */
export function readDrafts(s: Store | null = store()): Drafts | null {
	try {
		const v = JSON.parse(s?.getItem(KEY) ?? 'null') as Partial<Drafts> | null;
		if (typeof v?.a !== 'string') return null;
		return { a: v.a, b: typeof v.b === 'string' ? v.b : null };
	} catch {
		return null;
	}
}

export function saveDrafts(drafts: Drafts, s: Store | null = store()): void {
	try {
		s?.setItem(KEY, JSON.stringify(drafts));
	} catch {
		// storage full or blocked: the drafts still live in the page and its URL
	}
}

/**
 * What the playground opens with: the link's scenarios, else this tab's drafts, else the
 * sample; and, when the link's scenario cannot be read, a notice saying why and what is shown.
 */
export function playgroundStart(
	url: UrlState,
	saved: Drafts | null,
	sample: string
): { start: PlaygroundStart; notice: string | null } {
	// Drafts that are only the sample, untouched, are not work to keep.
	const typed = saved && (saved.a !== sample || saved.b !== null) ? saved : null;
	let drafts = typed ?? { a: sample, b: null };
	let notice: string | null = null;
	if (url.s !== undefined) {
		const a = decodeScenarioLink(url.s);
		const b = url.b === undefined ? null : decodeScenarioLink(url.b);
		if (!a.ok) {
			const shown = typed ? 'the scenario you were editing in this tab' : 'the sample scenario';
			notice = `This link’s scenario cannot be opened: ${a.message} Showing ${shown} instead.`;
		} else {
			drafts = { a: a.text, b: b?.ok ? b.text : null };
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
		notice
	};
}
