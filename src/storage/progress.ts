import { browserStore, readJson, writeJson, type Store } from './stored-json';

const KEY = 'event-loop-lab:progress';

/** How far a learner got in each lesson: the furthest step seen, out of how many. */
export type Progress = Record<string, { seen: number; of: number }>;

/** Reads saved progress; anything malformed counts as none. */
export function readProgress(s: Store | null = browserStore('localStorage')): Progress {
	const value = readJson(s, KEY);
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Progress) : {};
}

/** Records that step `step` (1-based) of `of` was seen, keeping the furthest. */
export function saveProgress(
	slug: string,
	step: number,
	of: number,
	s: Store | null = browserStore('localStorage')
): void {
	const all = readProgress(s);
	const seen = Math.max(step, all[slug]?.seen ?? 0);
	all[slug] = { seen, of };
	writeJson(s, KEY, all);
}

/** The path lessons follow on the home page. */
export const PATH = ['basics', 'causes', 'fixes', 'detection'] as const;
