import { isSlug } from './slug';

export type ControlsMode = 'all' | 'minimal' | 'none';
export type EmbedTheme = 'light' | 'dark' | 'auto';
/** `run` is the playground's old name, still read so old links work. */
/** The playground's editor tabs. */
export type PlaygroundTab = 'scenario' | 'python';
export type PageName = 'home' | 'lesson' | 'run' | 'playground' | 'docs' | 'trace';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Every query parameter of the lab, the playground and the embed, read by one set of rules. */
export interface Params {
	page: PageName;
	lesson: string | null;
	/** 1-based. */
	step: number;
	variant: string | null;
	speed: number;
	compare: boolean;
	/** A scrubbed moment in ms, or null for the step's own. */
	t: number | null;
	/** A lesson's changed numbers, `work:50,count:8` (read against its params by number-set.ts). */
	set: string | null;
	/**
	 * The playground's scenario and its variant B, each as `encodeScenarioLink` wrote it; written
	 * in the link's #fragment (see FRAGMENT_KEYS), read from its query too in older links.
	 */
	s: string | null;
	b: string | null;
	/** The trace page's recorded run: a same-site URL to fetch (see trace-url.ts). */
	trace: string | null;
	/** The playground's Python tab: its program (as `encodeScenarioLink` wrote it), and whether it is open. */
	py: string | null;
	tab: PlaygroundTab;
	/**
	 * The playground's Sweep, once one was run: its parameter (as `paramKey` writes it:
	 * `requestCount:0`, `poolSize`, `workMs:handlers.upload.steps[0]`) and range. Whether the
	 * parameter is in the scenario is checked by the Sweep panel (sweep-link.ts).
	 */
	sweep: string | null;
	from: number | null;
	to: number | null;
	points: number | null;
	controls: ControlsMode;
	theme: EmbedTheme;
	autoplay: boolean;
}

export type ParamName = keyof Params;

/** The lab's and the playground's state in the URL; every view can be restored from it. */
export type UrlState = Pick<Params, (typeof LAB_KEYS)[number]>;
/** What an embed shows, from `embed.html?…` or the `<event-loop-lesson>` attributes. */
export type EmbedOptions = Pick<Params, (typeof EMBED_KEYS)[number]>;

/** The lab's parameters, in the order links are written. */
export const LAB_KEYS = [
	'page',
	'lesson',
	'step',
	'variant',
	'speed',
	'compare',
	't',
	'set',
	's',
	'b',
	'tab',
	'py',
	'sweep',
	'from',
	'to',
	'points'
] as const;
/**
 * The lab's parameters that carry whole texts (scenarios, a program). A link writes them in its
 * #fragment, which the browser never sends, so no server refuses a long one (Node and vite answer
 * 431 past 16 KB of request line and headers); the rest stay in the query.
 */
export const FRAGMENT_KEYS = ['s', 'b', 'py'] as const;
/** The embed's parameters (and the custom element's attributes), in the order links are written. */
export const EMBED_KEYS = [
	'lesson',
	'step',
	'variant',
	'set',
	'controls',
	'theme',
	'autoplay',
	'speed'
] as const;

/** What every parameter is when a link leaves it out. */
export const DEFAULTS: Params = {
	page: 'home',
	lesson: null,
	step: 1,
	variant: null,
	speed: 1,
	compare: false,
	t: null,
	set: null,
	s: null,
	b: null,
	trace: null,
	py: null,
	tab: 'scenario',
	sweep: null,
	from: null,
	to: null,
	points: null,
	controls: 'all',
	theme: 'auto',
	autoplay: false
};

/** What an embed shows when a link leaves an option out. */
export const EMBED_DEFAULTS: EmbedOptions = pick(DEFAULTS, EMBED_KEYS);

interface Rule<T> {
	/** The value a raw text stands for, or undefined when the text is not a valid value. */
	read(raw: string): T | undefined;
	/** What the note says a bad value falls back to. */
	fallback: string;
	/** The text a value is written as; null leaves it out of the link. */
	write(value: T): string | null;
}

const oneOf = <T extends string>(allowed: readonly T[], fallback: T): Rule<T> => ({
	read: (raw) => allowed.find((a) => a === raw),
	fallback: `is not one of ${allowed.join(', ')}; using ${fallback}`,
	write: (v) => (v === fallback ? null : v)
});
const flag: Rule<boolean> = {
	read: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
	fallback: 'is not one of 0, 1; using 0',
	write: (v) => (v ? '1' : null)
};
const text: Rule<string | null> = { read: (raw) => raw, fallback: '', write: (v) => v };
const numberIn = (ok: (n: number) => boolean) => (raw: string) => {
	const n = raw.trim() === '' ? NaN : Number(raw);
	return ok(n) ? n : undefined;
};

const SWEEP_PARAM = /^(?:(?:requestCount|requestRate):\d+|poolSize|(?:workMs|blockingShare):\S+)$/;
const sweepRange = (why: string): Rule<number | null> => ({
	read: numberIn(Number.isFinite),
	fallback: `is not a number; ${why}`,
	write: (v) => (v === null ? null : String(v))
});

const RULES: { [K in ParamName]: Rule<Params[K]> } = {
	page: {
		read: (raw) => (['run', 'playground', 'docs', 'trace'] as const).find((p) => p === raw),
		fallback: 'is not a page of the lab; showing the lessons',
		write: (v) => (v === 'home' || v === 'lesson' ? null : v)
	},
	lesson: {
		read: (raw) => (isSlug(raw) ? raw : undefined),
		fallback: 'is not a lesson name (lower-case letters, digits and hyphens)',
		write: (v) => v
	},
	step: {
		read: numberIn((n) => Number.isInteger(n) && n >= 1),
		fallback: 'is not a step number (1, 2, …); starting at step 1',
		write: (v) => (v === 1 ? null : String(v))
	},
	variant: text,
	speed: {
		read: numberIn((n) => (SPEEDS as readonly number[]).includes(n)),
		fallback: `is not one of ${SPEEDS.join(', ')}; using 1`,
		write: (v) => (v === 1 ? null : String(v))
	},
	compare: flag,
	t: {
		read: numberIn((n) => Number.isFinite(n) && n >= 0),
		fallback: "is not a moment in ms; showing the step's own moment",
		write: (v) => (v === null ? null : String(v))
	},
	set: text,
	s: text,
	b: text,
	trace: text,
	py: text,
	tab: oneOf<PlaygroundTab>(['scenario', 'python'], 'scenario'),
	sweep: {
		read: (raw) => (SWEEP_PARAM.test(raw) ? raw : undefined),
		fallback:
			'is not a sweep parameter (requestCount:0, requestRate:0, poolSize, workMs:STEP or blockingShare:STEP); no sweep is run',
		write: (v) => v
	},
	from: sweepRange("sweeping from the parameter's own start"),
	to: sweepRange("sweeping to the parameter's own end"),
	points: {
		read: numberIn(Number.isInteger),
		fallback: "is not a whole number; using the parameter's own",
		write: (v) => (v === null ? null : String(v))
	},
	controls: oneOf<ControlsMode>(['all', 'minimal', 'none'], 'all'),
	theme: oneOf<EmbedTheme>(['light', 'dark', 'auto'], 'auto'),
	autoplay: flag
};

/**
 * Reads every parameter from name/value pairs (a query, or an element's attributes). A bad value
 * never breaks a page: it falls back to its default and adds a note saying what was wrong.
 */
export function readParams(get: (name: string) => string | null): {
	params: Params;
	notes: string[];
} {
	const params = { ...DEFAULTS } as Record<ParamName, unknown>;
	const notes: string[] = [];
	for (const name of Object.keys(RULES) as ParamName[]) {
		const raw = get(name);
		if (raw === null) continue;
		const value = (RULES[name] as Rule<unknown>).read(raw);
		if (value !== undefined) params[name] = value;
		else notes.push(`${name}="${raw}" ${RULES[name].fallback}.`);
	}
	const read = params as unknown as Params;
	if (get('page') === null || read.page === 'home') read.page = read.lesson ? 'lesson' : 'home';
	return { params: read, notes };
}

/**
 * Reads a link's query (`?…`) and fragment (`#…`) with `readParams`. The texts come from the
 * fragment when it carries any, else from the query, where links made before the fragment have
 * them (a fragment that is only an anchor, `#result-h`, carries none).
 */
export function readQuery(search: string, hash = ''): { params: Params; notes: string[] } {
	const q = new URLSearchParams(search);
	const f = new URLSearchParams(hash.replace(/^#/, ''));
	const fromFragment = carriesTexts(hash);
	return readParams((name) => (fromFragment && isText(name) ? f : q).get(name));
}

/** True when a link's fragment (`#…`) carries a scenario or program, not just an anchor. */
export function carriesTexts(hash: string): boolean {
	const f = new URLSearchParams(hash.replace(/^#/, ''));
	return FRAGMENT_KEYS.some((k) => f.has(k));
}

const isText = (name: string) => (FRAGMENT_KEYS as readonly string[]).includes(name);

/** The parameters among `keys` that differ from their defaults, as name/value pairs in order. */
export function paramPairs<K extends ParamName>(
	values: Pick<Params, K>,
	keys: readonly K[]
): [string, string][] {
	return keys.flatMap((k): [string, string][] => {
		const written = (RULES[k] as Rule<unknown>).write(values[k]);
		return written === null ? [] : [[k, written]];
	});
}

// ":" and "," are legal in a query and keep `set=work:50,count:8` readable in a shared link.
const readableQuery = (pairs: [string, string][]) =>
	new URLSearchParams(pairs).toString().replace(/%3A/g, ':').replace(/%2C/g, ',');

/**
 * The lab's link for a state (`?…`, and `#…` for the texts of FRAGMENT_KEYS), relative to the
 * page, defaults left out so links stay short.
 */
export function writeUrl(state: UrlState): string {
	const pairs = paramPairs(state, LAB_KEYS);
	const query = readableQuery(pairs.filter(([k]) => !isText(k)));
	const texts = readableQuery(pairs.filter(([k]) => isText(k)));
	return `?${query}${texts ? `#${texts}` : ''}`;
}

/** The query string of an embed link, defaults left out. */
export function writeEmbedQuery(options: EmbedOptions): string {
	return readableQuery(paramPairs(options, EMBED_KEYS));
}

function pick<K extends ParamName>(p: Params, keys: readonly K[]): Pick<Params, K> {
	return Object.fromEntries(keys.map((k) => [k, p[k]])) as Pick<Params, K>;
}
