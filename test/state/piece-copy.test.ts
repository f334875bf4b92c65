import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PieceAssembler, piecesOf } from '../../src/state/piece-copy';

const rebuilt = (x: unknown, size: number) => {
	const assembler = new PieceAssembler();
	let pieces = 0;
	for (const piece of piecesOf(x, size)) {
		expect(assembler.done).toBe(false);
		expect(piece.ops.length).toBeLessThanOrEqual(size);
		assembler.add(piece);
		pieces++;
	}
	expect(assembler.done).toBe(true);
	return { value: assembler.value, pieces };
};

describe('piecesOf / PieceAssembler', () => {
	it('rebuild any JSON value exactly, whatever the piece size', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 7 }), (x, size) => {
				expect(rebuilt(x, size).value).toEqual(JSON.parse(JSON.stringify(x)));
			})
		);
	});

	it('keep a key named __proto__ as an own key and write -0 as 0, as JSON does', () => {
		expect(rebuilt(JSON.parse('{"__proto__": 0, "a": [-0]}'), 1).value).toEqual(
			JSON.parse('{"__proto__": 0, "a": [0]}')
		);
	});

	it('leave out keys whose value is undefined, as JSON does', () => {
		expect(rebuilt({ a: 1, b: undefined, c: [{ d: undefined }] }, 2).value).toEqual({
			a: 1,
			c: [{}]
		});
	});

	it('cut a large value into pieces of the size asked', () => {
		const trace = Array.from({ length: 1000 }, (_, seq) => ({ t: seq, seq, actor: 'loop' }));
		// Per event: open, three keys, three values, close.
		expect(rebuilt(trace, 800).pieces).toBe(Math.ceil((2 + 8 * 1000) / 800));
	});
});
