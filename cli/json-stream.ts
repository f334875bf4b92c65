// JSON written piece by piece: a result with a 100,000-request trace is far longer than the
// longest string V8 can build, so no single JSON.stringify of the whole may run.
import type { Io } from './io';

/** Containers this deep are written element by element; below, each element is one string. */
const STREAMED_DEPTH = 2;
/** Elements of a streamed array joined into one piece. */
const BATCH = 512;
/** Pieces are joined into writes of about this many characters. */
const WRITE_CHARS = 1 << 20;

/**
 * The text of `JSON.stringify(value, null, indent)`, in pieces whose concatenation is exactly
 * that text. The outer containers (the result, its `trace`, `requests`…) are walked; their
 * elements are written a batch at a time, so no piece holds more than a few hundred of them.
 */
export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
	yield* pieces(value, indent, '', 0);
}

function* pieces(value: unknown, indent: string, pad: string, depth: number): Generator<string> {
	if (depth >= STREAMED_DEPTH || !isContainer(value)) {
		yield text(value, indent, pad) ?? 'null';
		return;
	}
	const inner = pad + indent;
	const newline = indent ? '\n' : '';
	const array = Array.isArray(value);
	// An array's elements are read by index: a trace's millions are never copied into a list.
	const keys = array ? null : Object.keys(value).filter((k) => !skipped(at(value, k)));
	const n = keys ? keys.length : (value as unknown[]).length;
	const [open, close] = array ? ['[', ']'] : ['{', '}'];
	if (n === 0) {
		yield open + close;
		return;
	}
	yield open;
	let batch = '';
	for (let i = 0; i < n; i++) {
		const key = keys?.[i];
		const name = key === undefined ? '' : `${JSON.stringify(key)}:${indent ? ' ' : ''}`;
		const v = key === undefined ? (value as unknown[])[i] : at(value, key);
		batch += `${i > 0 ? ',' : ''}${newline}${inner}${name}`;
		if (depth + 1 < STREAMED_DEPTH && isContainer(v)) {
			yield batch;
			batch = '';
			yield* pieces(v, indent, inner, depth + 1);
			continue;
		}
		batch += text(skipped(v) ? null : v, indent, inner) ?? 'null';
		if (i % BATCH === BATCH - 1) {
			yield batch;
			batch = '';
		}
	}
	yield `${batch}${newline}${pad}${close}`;
}

/**
 * `JSON.stringify(value, null, indent)` as it reads `pad` deep in a document, or undefined where
 * JSON.stringify gives undefined. Written out here: native stringify with a gap, then
 * re-indenting, costs several times as much on a trace's millions of small objects.
 */
function text(value: unknown, indent: string, pad: string): string | undefined {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value);
		case 'number':
			return Number.isFinite(value) ? String(value) : 'null';
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object':
			break;
		default:
			return typeof value === 'bigint' ? JSON.stringify(value) : undefined;
	}
	if (!isContainer(value)) return text((value as { toJSON(): unknown }).toJSON(), indent, pad);
	const inner = pad + indent;
	const lead = indent ? `\n${inner}` : '';
	const end = indent ? `\n${pad}` : '';
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		let out = `[${lead}${text(value[0], indent, inner) ?? 'null'}`;
		for (let i = 1; i < value.length; i++)
			out += `,${lead}${text(value[i], indent, inner) ?? 'null'}`;
		return `${out}${end}]`;
	}
	let out = '';
	for (const key in value) {
		if (!Object.hasOwn(value, key)) continue;
		const v = text(at(value, key), indent, inner);
		if (v === undefined) continue;
		out += `${out ? ',' : '{'}${lead}${quoted(key, indent)}${v}`;
	}
	return out ? `${out}${end}}` : '{}';
}

/** `"key": ` (or `"key":` unindented), made once per key: a trace repeats a handful of keys. */
const keyTexts = new Map<string, string>();
function quoted(key: string, indent: string): string {
	const k = `${indent ? 1 : 0}${key}`;
	let t = keyTexts.get(k);
	if (t === undefined) {
		t = `${JSON.stringify(key)}:${indent ? ' ' : ''}`;
		if (keyTexts.size < 10_000) keyTexts.set(k, t);
	}
	return t;
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
