import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertIn, moveIn, setIn, valueAt } from '../../src/state/json-edit';

const doc = { a: 1, list: [1, 2, 3], deep: { x: { y: 'z' } } };

describe('valueAt(doc, path)', () => {
	const cases: [(string | number)[], unknown][] = [
		[[], doc],
		[['a'], 1],
		[['list', 2], 3],
		[['deep', 'x', 'y'], 'z'],
		[['missing', 'x'], undefined],
		[['a', 'b'], undefined],
		[['list', 'length'], undefined],
		[['__proto__'], undefined],
		[['deep', 'constructor'], undefined]
	];
	for (const [path, expected] of cases) {
		it(`reads ${JSON.stringify(path)}`, () => expect(valueAt(doc, path)).toEqual(expected));
	}
});

describe('setIn(text, path, value) / insertIn / moveIn', () => {
	it('changes one value and keeps the rest of the text as written', () => {
		const text = '{\n  "title": "x",   "ms": 5,\n  "list": [1,2]\n}';
		expect(setIn(text, ['ms'], 7)).toBe('{\n  "title": "x",   "ms": 7,\n  "list": [1,2]\n}');
	});

	it('indents what it adds the way the text does (tabs)', () => {
		const text = '{\n\t"runtime": {\n\t\t"gil": true\n\t}\n}';
		expect(setIn(text, ['runtime', 'cores'], 4)).toBe(
			'{\n\t"runtime": {\n\t\t"gil": true,\n\t\t"cores": 4\n\t}\n}'
		);
	});

	it('removes a value given undefined, and creates missing objects on the way', () => {
		expect(JSON.parse(setIn('{"a": 1, "b": 2}', ['a'], undefined))).toEqual({ b: 2 });
		expect(JSON.parse(setIn('{}', ['runtime', 'threads'], 0))).toEqual({ runtime: { threads: 0 } });
	});

	it('throws where the path runs through a value that is not a container', () => {
		expect(() => setIn('{"runtime": 5}', ['runtime', 'threads'], 0)).toThrow();
	});

	it('inserts into and moves within arrays', () => {
		expect(JSON.parse(insertIn('{"l": [1, 3]}', ['l'], 1, 2))).toEqual({ l: [1, 2, 3] });
		expect(JSON.parse(insertIn('{"l": [1]}', ['l'], 1, 2))).toEqual({ l: [1, 2] });
		expect(JSON.parse(moveIn('{"l": [1, 2, 3]}', ['l'], 0, 2))).toEqual({ l: [2, 3, 1] });
		expect(JSON.parse(moveIn('{"l": [1, 2, 3]}', ['l'], 2, 1))).toEqual({ l: [1, 3, 2] });
	});

	it('property: array edits (replace, remove, insert, move) do what they say in any layout', () => {
		fc.assert(
			fc.property(
				fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 6 }),
				fc.constantFrom(0, 2, '\t'),
				fc.nat(),
				fc.nat(),
				fc.jsonValue({ maxDepth: 2 }),
				(list, indent, i, j, value) => {
					const text = JSON.stringify({ before: 1, l: list, after: [2] }, null, indent);
					const at = i % list.length;
					const to = j % list.length;
					const read = (t: string) => JSON.parse(t) as { l: unknown[]; after: unknown };
					const clean = (v: unknown[]) => JSON.parse(JSON.stringify(v));
					const without = [...list.slice(0, at), ...list.slice(at + 1)];
					const replaced = [...list.slice(0, at), value, ...list.slice(at + 1)];
					expect(read(setIn(text, ['l', at], value)).l).toEqual(clean(replaced));
					expect(read(setIn(text, ['l', at], undefined)).l).toEqual(clean(without));
					expect(read(insertIn(text, ['l'], list.length, value)).l).toEqual(
						clean([...list, value])
					);
					const moved = [...without.slice(0, to), list[at], ...without.slice(to)];
					expect(read(moveIn(text, ['l'], at, to)).l).toEqual(clean(moved));
					expect(read(moveIn(text, ['l'], at, to)).after).toEqual([2]);
				}
			)
		);
	});

	it('property: setting any JSON value anywhere in a document gives that document with that value', () => {
		const key = fc.constantFrom('a', 'b', 'c d', '"q"', 'é');
		fc.assert(
			fc.property(
				fc.dictionary(key, fc.dictionary(key, fc.jsonValue(), { maxKeys: 3 }), { maxKeys: 3 }),
				fc.constantFrom(0, 2, '\t'),
				key,
				key,
				fc.jsonValue(),
				(obj, indent, k1, k2, value) => {
					const text = JSON.stringify(obj, null, indent);
					const out = JSON.parse(setIn(text, [k1, k2], value));
					const expected = structuredClone(obj);
					// jsonc-parser replaces a non-object on the way only at the last step; skip those.
					fc.pre(expected[k1] === undefined || typeof expected[k1] === 'object');
					expected[k1] = { ...(expected[k1] ?? {}), [k2]: value };
					// JSON has no -0; the engine sees what JSON.parse sees.
					expect(out).toEqual(JSON.parse(JSON.stringify(expected)));
				}
			)
		);
	});
});
