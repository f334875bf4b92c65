// JSON written piece by piece: a result with a 100,000-request trace is far longer than the
// longest string V8 can build, so no single JSON.stringify of the whole may run.
import type { Io } from './io';

/**
 * Elements of a long array stringified together, as one piece. Small, so that a piece holding
 * a character beyond Latin-1 (the `→` of a timer's label) makes only itself a two-byte string,
 * which is slower to build and to encode, not its neighbours.
 */
const BATCH = 64;
/** Pieces are encoded into writes of about this many bytes. */
const WRITE_BYTES = 1 << 20;
/** UTF-8 takes at most 3 bytes for each UTF-16 code unit (4 for a surrogate pair, which is 2). */
const MAX_UTF8_PER_UNIT = 3;

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
		// Yielded apart: the slice is encoded straight from the batch's text; joined to the comma,
		// it would first be copied into a string of its own.
		yield `${i > 0 ? ',' : ''}${newline}`;
		yield text.slice(head, text.length - tail);
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

/**
 * Writes pieces of text through `io` as UTF-8, encoded straight into writes of about 1 MB (no
 * joined string is built), waiting when it asks to. A piece too long for one write goes alone.
 */
export async function writeChunks(io: Io, chunks: Iterable<string>): Promise<void> {
	let buffer = Buffer.allocUnsafe(WRITE_BYTES);
	let used = 0;
	for (const chunk of chunks) {
		const most = chunk.length * MAX_UTF8_PER_UNIT;
		if (used > 0 && used + most > WRITE_BYTES) {
			await io.out(buffer.subarray(0, used));
			// A fresh buffer: the stream may still hold the one just written.
			buffer = Buffer.allocUnsafe(WRITE_BYTES);
			used = 0;
		}
		if (most > WRITE_BYTES) await io.out(chunk);
		else used += buffer.write(chunk, used);
	}
	if (used > 0) await io.out(buffer.subarray(0, used));
}
