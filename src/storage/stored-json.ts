/** The part of a Web Storage area the app uses (tests pass one backed by a Map). */
export type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage or sessionStorage, or null where the browser blocks it (sandboxed frames). */
export function browserStore(area: 'localStorage' | 'sessionStorage'): Store | null {
	try {
		return globalThis[area] ?? null;
	} catch {
		return null;
	}
}

/** The JSON value kept under `key`, or null when there is none or it cannot be read. */
export function readJson(s: Store | null, key: string): unknown {
	try {
		return JSON.parse(s?.getItem(key) ?? 'null');
	} catch {
		return null;
	}
}

/** Keeps `value` under `key`; a full or blocked store only means it lasts the visit. */
export function writeJson(s: Store | null, key: string, value: unknown): void {
	try {
		s?.setItem(key, JSON.stringify(value));
	} catch {
		// What is kept here is a convenience, never an error.
	}
}
