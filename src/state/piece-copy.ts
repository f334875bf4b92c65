// Moves a large plain-data value (a run's result, trace and timeline) from a worker to the page
// in pieces. Posting it whole makes the page decode it in one task (seconds at 10,000 requests);
// here the worker cuts it into tokens, and the page rebuilds it a piece per task. Small parts
// (a trace event, a run of them) travel as JSON text: JSON.parse rebuilds them far faster than
// token by token, and exactly as JSON would. A piece's texts are UTF-8 bytes, moved to the page
// rather than copied as strings.

/** What each token is: an object's key, a container's bounds, or JSON text. */
const enum Op {
	Key,
	Object,
	Array,
	End,
	/** JSON text of one value. */
	Json,
	/** JSON text of an array whose items go on the end of the array open. */
	Items
}

/**
 * A run of tokens: `ops[i]` says what token i is; keys and values are JSON texts, in order, one
 * after the other in `text` (UTF-8), each `lengths[i]` UTF-16 units long. `weight`: the tokens
 * it stands for (`tokenCount` of the whole value is what all weigh).
 */
export interface Piece {
	ops: Uint8Array;
	text: Uint8Array;
	lengths: Uint32Array;
	weight: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A token, its key or text, and what it weighs: the tokens it would take were it not JSON text. */
type Token = [Op, string | null, number];

/** How many tokens `x` makes, or Infinity once that passes `limit` (so a large value costs `limit`). */
function weight(x: unknown, limit: number): number {
	let n = 0;
	const visit = (v: unknown): boolean => {
		n += v !== null && typeof v === 'object' ? 2 : 1;
		if (n > limit) return false;
		if (Array.isArray(v)) return v.every(visit);
		if (v === null || typeof v !== 'object') return true;
		for (const item of Object.values(v)) {
			if (item === undefined) continue;
			n++;
			if (!visit(item)) return false;
		}
		return true;
	};
	return visit(x) ? n : Infinity;
}

/** How many tokens a value stands for: what its pieces weigh together. */
export const tokenCount = (x: unknown): number => weight(x, Infinity);

/**
 * Tokens of plain data, depth first; a part of at most `small` tokens is one JSON text (JSON's
 * rules throughout: a key whose value is undefined is left out, -0 is written 0).
 */
function* tokens(x: unknown, small: number): Generator<Token> {
	const w = weight(x, small);
	if (w !== Infinity) yield [Op.Json, JSON.stringify(x) ?? 'null', w];
	else if (Array.isArray(x)) {
		yield [Op.Array, null, 1];
		let batch: unknown[] = [];
		let weighs = 0;
		const items = (): Token => {
			const token: Token = [Op.Items, JSON.stringify(batch), weighs];
			batch = [];
			weighs = 0;
			return token;
		};
		for (const item of x) {
			const iw = weight(item, small);
			if (iw === Infinity) {
				if (batch.length > 0) yield items();
				yield* tokens(item, small);
				continue;
			}
			batch.push(item);
			weighs += iw;
			if (weighs >= small) yield items();
		}
		if (batch.length > 0) yield items();
		yield [Op.End, null, 1];
	} else {
		yield [Op.Object, null, 1];
		for (const [key, value] of Object.entries(x as object)) {
			if (value === undefined) continue;
			// As JSON text too: UTF-8 cannot carry a lone surrogate, JSON escapes it.
			yield [Op.Key, JSON.stringify(key), 1];
			yield* tokens(value, small);
		}
		yield [Op.End, null, 1];
	}
}

/**
 * Cuts a value into pieces of about `size` tokens (what a JSON text stands for counts), made as
 * they are asked for; parts of up to `size / 4` tokens travel as JSON text.
 */
export function* piecesOf(x: unknown, size: number): Generator<Piece> {
	let ops: Op[] = [];
	let texts: string[] = [];
	let weighs = 0;
	const piece = (): Piece => ({
		ops: Uint8Array.from(ops),
		text: encoder.encode(texts.join('')),
		lengths: Uint32Array.from(texts, (t) => t.length),
		weight: weighs
	});
	for (const [op, text, w] of tokens(x, Math.max(1, size >> 2))) {
		ops.push(op);
		if (text !== null) texts.push(text);
		weighs += w;
		if (weighs >= size) {
			yield piece();
			ops = [];
			texts = [];
			weighs = 0;
		}
	}
	if (ops.length > 0) yield piece();
}

/** Rebuilds a value from its pieces, in order; `done` once the last container has closed. */
export class PieceAssembler {
	private stack: (unknown[] | Record<string, unknown>)[] = [];
	private keys: (string | null)[] = [];
	private root: unknown = undefined;
	private finished = false;

	get done(): boolean {
		return this.finished;
	}

	/** The value rebuilt (once `done`). */
	get value(): unknown {
		return this.root;
	}

	add({ ops, text, lengths }: Piece): void {
		const all = decoder.decode(text);
		let v = 0;
		let at = 0;
		const next = (): unknown => JSON.parse(all.slice(at, (at += lengths[v++])));
		for (const op of ops) {
			if (op === Op.Key) this.keys[this.keys.length - 1] = next() as string;
			else if (op === Op.Json) this.place(next());
			else if (op === Op.Items) {
				const open = this.stack[this.stack.length - 1] as unknown[];
				for (const item of next() as unknown[]) open.push(item);
			} else if (op === Op.End) {
				this.stack.pop();
				this.keys.pop();
				this.finished = this.stack.length === 0;
			} else {
				const container = op === Op.Array ? [] : {};
				this.place(container);
				this.stack.push(container);
				this.keys.push(null);
				this.finished = false;
			}
		}
	}

	// A container goes in its parent when it opens, and is filled after.
	private place(x: unknown): void {
		const top = this.stack[this.stack.length - 1];
		if (top === undefined) {
			this.root = x;
			this.finished = true;
		} else if (Array.isArray(top)) top.push(x);
		// An own property, as JSON.parse makes it, even for a key named "__proto__".
		else
			Object.defineProperty(top, this.keys[this.keys.length - 1] as string, {
				value: x,
				writable: true,
				enumerable: true,
				configurable: true
			});
	}
}
