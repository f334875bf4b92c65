/** A field path into a scenario document, as written in lesson.json: `handlers.upload.steps[0].ms`. */
export type FieldPath = (string | number)[];

const PART = /^([A-Za-z_][\w-]*)((?:\[\d+\])*)$/;

/** Reads `a.b[0].c` into its keys and indexes, or null when it is not such a path. */
export function parsePath(text: string): FieldPath | null {
	const path: FieldPath = [];
	for (const part of text.split('.')) {
		const m = PART.exec(part);
		if (!m) return null;
		path.push(m[1], ...[...m[2].matchAll(/\[(\d+)\]/g)].map((i) => Number(i[1])));
	}
	return path;
}

// Own keys only: a path never reaches a prototype ("__proto__", "constructor").
function child(value: unknown, key: string | number): unknown {
	if (typeof key === 'number') return Array.isArray(value) ? value[key] : undefined;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The value at `path` in a JSON document, or undefined where the path leads nowhere. */
export function valueAt(doc: unknown, path: FieldPath): unknown {
	return path.reduce<unknown>((v, key) => child(v, key), doc);
}

/**
 * A copy of `doc` with the number at `path` replaced (the path must lead to a number, as the
 * lesson build checks); the original is left as it was.
 */
export function withValueAt<T>(doc: T, path: FieldPath, value: number): T {
	const copy = structuredClone(doc);
	const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
	parent[path[path.length - 1]] = value;
	return copy;
}
