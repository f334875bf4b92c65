// JSON written piece by piece: a result with a 100,000-request trace is far longer than the
// longest string V8 can build, so no single JSON.stringify of the whole may run.
import type { Io } from './io';

/** Elements of a long array stringified together, as one piece. */
const BATCH = 512;
/** Pieces are joined into writes of about this many characters. */
const WRITE_CHARS = 1 << 20;

/**
 * The text of `JSON.stringify(value, null, indent)`, in pieces whose concatenation is exactly
 * that text. The outer object (or array) is walked; an array inside it (a result's `trace`,
 * `requests`) is stringified a batch of elements at a time, everything else whole.
 */
export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
	if (!isContainer(value)) {
		yield JSON.stringify(value) ?? 'null';
		return;
	}
	const newline = indent ? '\n' : '';
	const array = Array.isArray(value);
	const keys = array ? null : Object.keys(value).filter((k) => !skipped(at(value, k)));
	const n = keys ? keys.length : (value as unknown[]).length;
	const [open, close] = array ? ['[', ']'] : ['{', '}'];
	if (n === 0) {
		yield open + close;
		return;
	}
	yield open;
	for (let i = 0; i < n; i++) {
		const key = keys?.[i];
		const name = key === undefined ? '' : `${JSON.stringify(key)}:${indent ? ' ' : ''}`;
		const v = key === undefined ? (value as unknown[])[i] : at(value, key);
		yield `${i > 0 ? ',' : ''}${newline}${indent}${name}`;
		if (Array.isArray(v)) yield* batches(v, indent);
		else yield nested(skipped(v) ? null : v, indent);
	}
	yield `${newline}${close}`;
}

/**
 * An array one level deep, a batch at a time. Each batch is stringified inside one more array,
 * so that JSON.stringify itself indents its elements as deep as they sit in the document; the
 * wrapper's own lines are then cut off.
 */
function* batches(items: unknown[], indent: string): Generator<string> {
	if (items.length === 0) {
		yield '[]';
		return;
	}
	const newline = indent ? '\n' : '';
	const head = `[${newline}${indent}[${newline}`.length;
	const tail = `${newline}${indent}]${newline}]`.length;
	yield '[';
	for (let i = 0; i < items.length; i += BATCH) {
		const text = JSON.stringify([items.slice(i, i + BATCH)], null, indent);
		yield `${i > 0 ? ',' : ''}${newline}${text.slice(head, text.length - tail)}`;
	}
	yield `${newline}${indent}]`;
}

/** A value one level deep, indented as it sits there (strings escape their own newlines). */
function nested(value: unknown, indent: string): string {
	const text = JSON.stringify(value, null, indent) ?? 'null';
	return indent ? text.replaceAll('\n', `\n${indent}`) : text;
}

function isContainer(value: unknown): value is object {
	return (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as { toJSON?: unknown }).toJSON !== 'function'
	);
}

function at(value: object, key: string): unknown {
	return (value as Record<string, unknown>)[key];
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
	return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Writes pieces of text through `io`, joined into writes of about 1 MB, waiting when it asks to. */
export async function writeChunks(io: Io, chunks: Iterable<string>): Promise<void> {
	let parts: string[] = [];
	let size = 0;
	for (const chunk of chunks) {
		parts.push(chunk);
		size += chunk.length;
		if (size < WRITE_CHARS) continue;
		await io.out(parts.join(''));
		parts = [];
		size = 0;
	}
	if (parts.length > 0) await io.out(parts.join(''));
}
