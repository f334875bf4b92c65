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
	const options: EmbedOptions = {
		lesson: lesson && /^[a-z0-9-]{1,100}$/.test(lesson) ? lesson : null,
		step: Number.isInteger(step) && step >= 1 ? step : 1,
		variant: get('variant'),
		controls: pick('controls', CONTROLS, 'all'),
		theme: pick('theme', THEMES, 'auto'),
		autoplay: pick('autoplay', ['0', '1'], '0') === '1',
		speed: (SPEEDS as readonly number[]).includes(speed) ? speed : 1
	};
	return { options, notes };
}

/** The query string of an embed link, defaults left out. */
export function writeEmbedQuery(o: EmbedOptions): string {
	const q = new URLSearchParams();
	if (o.lesson) q.set('lesson', o.lesson);
	if (o.step !== 1) q.set('step', String(o.step));
	if (o.variant) q.set('variant', o.variant);
	if (o.controls !== 'all') q.set('controls', o.controls);
	if (o.theme !== 'auto') q.set('theme', o.theme);
	if (o.autoplay) q.set('autoplay', '1');
	if (o.speed !== 1) q.set('speed', String(o.speed));
	return q.toString();
}
