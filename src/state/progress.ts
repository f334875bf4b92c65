const KEY = 'event-loop-lab:progress';

/** How far a learner got in each lesson: the furthest step seen, out of how many. */
export type Progress = Record<string, { seen: number; of: number }>;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function store(): Store | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // blocked storage (sandboxed frames): progress then lasts the visit
	}
}

/** Reads saved progress; anything malformed counts as none. */
export function readProgress(s: Store | null = store()): Progress {
	try {
		const value = JSON.parse(s?.getItem(KEY) ?? '{}') as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Progress) : {};
	} catch {
		return {};
	}
}

/** Records that step `step` (1-based) of `of` was seen, keeping the furthest. */
export function saveProgress(
	slug: string,
	step: number,
	of: number,
	s: Store | null = store()
): void {
	const all = readProgress(s);
	const seen = Math.max(step, all[slug]?.seen ?? 0);
	all[slug] = { seen, of };
	try {
		s?.setItem(KEY, JSON.stringify(all));
	} catch {
		// storage full or blocked: progress is a convenience, never an error
	}
}

/** The path lessons follow on the home page. */
export const PATH = ['basics', 'causes', 'fixes', 'detection'] as const;
