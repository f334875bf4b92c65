import { SPEEDS } from './url';

export type ControlsMode = 'all' | 'minimal' | 'none';
export type EmbedTheme = 'light' | 'dark' | 'auto';

/** What an embed shows, from `embed.html?…` or the `<event-loop-lesson>` attributes. */
export interface EmbedOptions {
	lesson: string | null;
	step: number;
	variant: string | null;
	controls: ControlsMode;
	theme: EmbedTheme;
	autoplay: boolean;
	speed: number;
}

/** The names an embed understands, in the order links are written. */
export const EMBED_KEYS = [
	'lesson',
	'step',
	'variant',
	'controls',
	'theme',
	'autoplay',
	'speed'
] as const;

/** What an embed shows when a link leaves an option out. */
export const EMBED_DEFAULTS: EmbedOptions = {
	lesson: null,
	step: 1,
	variant: null,
	controls: 'all',
	theme: 'auto',
	autoplay: false,
	speed: 1
};

const CONTROLS: readonly ControlsMode[] = ['all', 'minimal', 'none'];
const THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];

/**
 * Reads embed options from name/value pairs. A bad value never blanks the frame: it falls back to
 * the default and adds a note saying what was wrong, for the embed to show.
 */
export function readEmbedOptions(get: (name: string) => string | null): {
	options: EmbedOptions;
	notes: string[];
} {
	const notes: string[] = [];
	const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
		const raw = get(name);
		if (raw === null) return fallback;
		if ((allowed as readonly string[]).includes(raw)) return raw as T;
		notes.push(`${name}="${raw}" is not one of ${allowed.join(', ')}; using ${fallback}.`);
		return fallback;
	};
	const lesson = get('lesson');
	const rawStep = get('step');
	const step = rawStep === null ? 1 : Number(rawStep);
	if (rawStep !== null && !(Number.isInteger(step) && step >= 1)) {
		notes.push(`step="${rawStep}" is not a step number (1, 2, …); starting at step 1.`);
	}
	const rawSpeed = get('speed');
	const speed = rawSpeed === null ? 1 : Number(rawSpeed);
	if (rawSpeed !== null && !(SPEEDS as readonly number[]).includes(speed)) {
		notes.push(`speed="${rawSpeed}" is not one of ${SPEEDS.join(', ')}; using 1.`);
	}
	const d = EMBED_DEFAULTS;
	const options: EmbedOptions = {
		lesson: lesson && /^[a-z0-9-]{1,100}$/.test(lesson) ? lesson : d.lesson,
		step: Number.isInteger(step) && step >= 1 ? step : d.step,
		variant: get('variant'),
		controls: pick('controls', CONTROLS, d.controls),
		theme: pick('theme', THEMES, d.theme),
		autoplay: pick('autoplay', ['0', '1'], d.autoplay ? '1' : '0') === '1',
		speed: (SPEEDS as readonly number[]).includes(speed) ? speed : d.speed
	};
	return { options, notes };
}

/**
 * The options that differ from the defaults, as name/value pairs in EMBED_KEYS order: the query
 * of an embed link, or the attributes of an `<event-loop-lesson>`.
 */
export function embedPairs(o: EmbedOptions): [string, string][] {
	const value = asText(o);
	const fallback = asText(EMBED_DEFAULTS);
	return EMBED_KEYS.flatMap((k): [string, string][] => {
		const v = value[k];
		return v !== null && v !== fallback[k] ? [[k, v]] : [];
	});
}

function asText(o: EmbedOptions): Record<(typeof EMBED_KEYS)[number], string | null> {
	return {
		lesson: o.lesson,
		step: String(o.step),
		variant: o.variant,
		controls: o.controls,
		theme: o.theme,
		autoplay: o.autoplay ? '1' : '0',
		speed: String(o.speed)
	};
}

/** The query string of an embed link, defaults left out. */
export function writeEmbedQuery(o: EmbedOptions): string {
	return new URLSearchParams(embedPairs(o)).toString();
}
