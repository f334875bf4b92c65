import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PieceAssembler, piecesOf, tokenCount } from '../../src/state/piece-copy';

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
	it('rebuild any JSON value exactly, whatever the piece size, and weigh what they stand for', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (x, size) => {
				expect(rebuilt(x, size).value).toEqual(JSON.parse(JSON.stringify(x)));
				const pieces = [...piecesOf(x, size)];
				expect(pieces.reduce((n, p) => n + p.weight, 0)).toBe(tokenCount(x));
			})
		);
	});

	it('keep a key named __proto__ as an own key and write -0 as 0, as JSON does', () => {
		expect(rebuilt(JSON.parse('{"__proto__": 0, "a": [-0]}'), 1).value).toEqual(
			JSON.parse('{"__proto__": 0, "a": [0]}')
		);
	});

	it('carry any string through their UTF-8 bytes, a lone surrogate in a key or a value too', () => {
		const x = { '\ud800k': ['\udc00', 'é', '😀'], big: Array.from({ length: 20 }, () => '\ud83d') };
		expect(rebuilt(x, 4).value).toEqual(x);
	});

	it('leave out keys whose value is undefined, as JSON does', () => {
		expect(rebuilt({ a: 1, b: undefined, c: [{ d: undefined }] }, 2).value).toEqual({
			a: 1,
			c: [{}]
		});
	});

	it('cut a large value into pieces of the size asked, its small parts as JSON text', () => {
		const trace = Array.from({ length: 1000 }, (_, seq) => ({ t: seq, seq, actor: 'loop' }));
		// Per event: open, three keys, three values, close.
		expect(rebuilt(trace, 800).pieces).toBe(Math.ceil((2 + 8 * 1000) / 800));
		// The events go 25 to a text: the array's bounds and 40 texts.
		expect([...piecesOf(trace, 800)].reduce((n, p) => n + p.ops.length, 0)).toBe(42);
	});
});
