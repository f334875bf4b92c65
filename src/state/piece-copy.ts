// Moves a large plain-data value (a run's result, trace and timeline) from a worker to the page
// in pieces. Posting it whole makes the page decode it in one task (seconds at 10,000 requests);
// here the worker flattens it into tokens, and the page rebuilds it a piece per task.

/** What each token is: a primitive (from `values`), an object's key, or a container's bounds. */
const enum Op {
	Value,
	Key,
	Object,
	Array,
	End
}

/** A run of tokens: `ops[i]` says what token i is; values and keys are in `values`, in order. */
export interface Piece {
	ops: Uint8Array;
	values: (string | number | boolean | null)[];
}

/** Tokens of plain data (objects, arrays, strings, numbers, booleans, null), depth first. */
function* tokens(x: unknown): Generator<[Op, string | number | boolean | null]> {
	if (Array.isArray(x)) {
		yield [Op.Array, null];
		for (const item of x) yield* tokens(item);
		yield [Op.End, null];
	} else if (x !== null && typeof x === 'object') {
		yield [Op.Object, null];
		for (const [key, value] of Object.entries(x)) {
			// JSON's rule: a key whose value is undefined is left out.
			if (value === undefined) continue;
			yield [Op.Key, key];
			yield* tokens(value);
		}
		yield [Op.End, null];
	}
	// JSON's rule too: -0 is written 0.
	else yield [Op.Value, Object.is(x, -0) ? 0 : (x as string | number | boolean | null)];
}

/** Cuts a value into pieces of at most `size` tokens, made as they are asked for. */
export function* piecesOf(x: unknown, size: number): Generator<Piece> {
	let ops: Op[] = [];
	let values: Piece['values'] = [];
	for (const [op, value] of tokens(x)) {
		ops.push(op);
		if (op === Op.Value || op === Op.Key) values.push(value);
		if (ops.length === size) {
			yield { ops: Uint8Array.from(ops), values };
			ops = [];
			values = [];
		}
	}
	if (ops.length > 0) yield { ops: Uint8Array.from(ops), values };
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

	add({ ops, values }: Piece): void {
		let v = 0;
		for (const op of ops) {
			if (op === Op.Key) this.keys[this.keys.length - 1] = values[v++] as string;
			else if (op === Op.Value) this.place(values[v++]);
			else if (op === Op.End) {
				this.stack.pop();
				this.keys.pop();
				this.finished = this.stack.length === 0;
			} else {
				const container = op === Op.Array ? [] : {};
				this.place(container);
				this.stack.push(container);
				this.keys.push(null);
			}
		}
	}

	// A container goes in its parent when it opens, and is filled after.
	private place(x: unknown): void {
		const top = this.stack[this.stack.length - 1];
		if (top === undefined) {
			this.root = x;
			this.finished = !(x !== null && typeof x === 'object');
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
