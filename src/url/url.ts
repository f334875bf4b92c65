/** The lab's state as it appears in the URL; every view can be restored from it. */
export interface UrlState {
	lesson: string | null;
	step: number;
	variant: string | null;
	speed: number;
	compare: boolean;
	/** A scrubbed moment in ms, or null for the step's own. */
	t: number | null;
	/** `run` is the playground's old name, still read so old links work. */
	page: 'home' | 'lesson' | 'run' | 'playground' | 'docs';
	/** The playground's scenario and its variant B, each as `encodeScenarioLink` wrote it. */
	s?: string;
	b?: string;
}

const PAGES = ['run', 'playground', 'docs'] as const;

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Reads the URL's query; unknown or malformed values fall back to defaults. */
export function readUrl(search: string): UrlState {
	const q = new URLSearchParams(search);
	const raw = q.get('lesson');
	const lesson = raw && /^[a-z0-9-]+$/.test(raw) ? raw : null;
	const step = Number.parseInt(q.get('step') ?? '1', 10);
	const speed = Number(q.get('speed') ?? '1');
	const t = q.has('t') ? Number(q.get('t')) : NaN;
	const page = PAGES.find((p) => p === q.get('page')) ?? (lesson ? 'lesson' : 'home');
	return {
		lesson,
		step: Number.isFinite(step) && step >= 1 ? step : 1,
		variant: q.get('variant'),
		speed: (SPEEDS as readonly number[]).includes(speed) ? speed : 1,
		compare: q.get('compare') === '1',
		t: Number.isFinite(t) && t >= 0 ? t : null,
		page,
		...(q.has('s') ? { s: q.get('s') as string } : {}),
		...(q.has('b') ? { b: q.get('b') as string } : {})
	};
}

/** Writes the query for a state, leaving defaults out so links stay short. */
export function writeUrl(s: UrlState): string {
	const q = new URLSearchParams();
	const playground = s.page === 'run' || s.page === 'playground';
	if (playground || s.page === 'docs') q.set('page', s.page);
	if (s.lesson) q.set('lesson', s.lesson);
	if ((s.lesson || playground) && s.step !== 1) q.set('step', String(s.step));
	if (s.variant) q.set('variant', s.variant);
	if (s.speed !== 1) q.set('speed', String(s.speed));
	if (s.compare) q.set('compare', '1');
	if (s.t !== null) q.set('t', String(s.t));
	if (s.s !== undefined) q.set('s', s.s);
	if (s.b !== undefined) q.set('b', s.b);
	const text = q.toString();
	return text ? `?${text}` : '?';
}
