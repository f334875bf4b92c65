import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';

/** A JSON path as segments: `['handlers', 'upload', 'steps', 2, 'ms']`. */
export type Path = readonly (string | number)[];

/** The value at `path` in a parsed document, or undefined where the path leads nowhere. */
export function valueAt(doc: unknown, path: Path): unknown {
	let value = doc;
	for (const seg of path) {
		if (Array.isArray(value) ? typeof seg !== 'number' : typeof seg !== 'string') return undefined;
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, seg)) return undefined;
		value = (value as Record<string | number, unknown>)[seg];
	}
	return value;
}

/**
 * The text with the value at `path` replaced (`undefined` removes it), everything else kept as
 * the user wrote it. Throws when the path runs through a value that is not an object or array.
 */
export function setIn(text: string, path: Path, value: unknown): string {
	const last = path.at(-1);
	if (value === undefined && typeof last === 'number') {
		// jsonc-parser 3.3 mangles the removal of an array's last item ([1, 2, 3] → [1, 23]).
		return withList(text, path.slice(0, -1), (list) => list.filter((_, i) => i !== last));
	}
	return applyEdits(text, modify(text, [...path], value, { formattingOptions: format(text) }));
}

/** The text with `value` inserted into the array at `path` before `index` (its length appends). */
export function insertIn(text: string, path: Path, index: number, value: unknown): string {
	const edits = modify(text, [...path, index], value, {
		formattingOptions: format(text),
		isArrayInsertion: true
	});
	return applyEdits(text, edits);
}

/** The text with item `from` of the array at `path` moved to position `to`. */
export function moveIn(text: string, path: Path, from: number, to: number): string {
	return withList(text, path, (list) => {
		const [item] = list.splice(from, 1);
		list.splice(to, 0, item);
		return list;
	});
}

/** The text with the array at `path` replaced by `change` of a copy of it (no array: unchanged). */
function withList(text: string, path: Path, change: (list: unknown[]) => unknown[]): string {
	const list = valueAt(JSON.parse(text), path);
	return Array.isArray(list) ? setIn(text, path, change([...list])) : text;
}

/** Indents new JSON the way the text already does: tabs, or its first indent of spaces. */
function format(text: string): FormattingOptions {
	const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
	const tabs = indent.startsWith('\t');
	return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent.length, eol: '\n' };
}
