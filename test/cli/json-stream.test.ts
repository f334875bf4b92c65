import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, writeChunks } from '../../cli/json-stream';
import { simulate } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import { readFileSync } from 'node:fs';

const joined = (value: unknown, indent?: string) => [...jsonChunks(value, indent)].join('');

describe('jsonChunks(value, indent)', () => {
	it('is exactly JSON.stringify, indented or not, for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '\t'), (value, indent) => {
				expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
			}),
			{ numRuns: 300 }
		);
	});

	it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
		const value = { a: undefined, b: [undefined, () => 1, 2], c: { toJSON: () => 'x' }, d: {} };
		for (const indent of ['', '  '])
			expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
	});

	it('writes a traced result byte for byte as JSON.stringify(result, null, 2)', () => {
		const text = readFileSync('lessons/02-blocking-vs-offloaded/time-sleep.json', 'utf8');
		const parsed = parseScenario(text);
		if (!parsed.ok) throw new Error('the lesson scenario parses');
		const result = simulate(parsed.scenario, { trace: true });
		expect(joined(result, '  ')).toBe(JSON.stringify(result, null, 2));
	});

	it('never builds the whole: a long trace goes a batch of events at a time', () => {
		const doc = { trace: Array.from({ length: 5_000 }, (_, seq) => ({ seq, detail: { n: seq } })) };
		const sizes = [...jsonChunks(doc, '  ')].map((c) => c.length);
		expect(sizes.reduce((a, b) => a + b)).toBe(JSON.stringify(doc, null, 2).length);
		expect(Math.max(...sizes)).toBeLessThan(60_000);
	});
});

describe('writeChunks(io, chunks)', () => {
	/** An Io that keeps each write as text and waits (a promise) on every one. */
	function recorder() {
		const writes: string[] = [];
		let waited = 0;
		const io = {
			out: (text: string | Uint8Array) => {
				writes.push(typeof text === 'string' ? text : new TextDecoder().decode(text));
				return new Promise<void>((resolve) => {
					waited++;
					resolve();
				});
			},
			err: () => {}
		};
		return { io, writes, waited: () => waited };
	}

	it('gathers pieces into writes and waits for a writer that asks to', async () => {
		const { io, writes, waited } = recorder();
		await writeChunks(
			io,
			Array.from({ length: 3_000 }, () => 'x'.repeat(1000))
		);
		expect(writes.join('')).toBe('x'.repeat(3_000_000));
		expect(writes.length).toBe(3);
		expect(waited()).toBe(3);
	});

	it('writes UTF-8 beyond ASCII, and a piece longer than a write on its own', async () => {
		const { io, writes } = recorder();
		const long = 'é→😀'.repeat(300_000);
		const pieces = ['sleep done → heartbeat', long, 'ü', '\n'];
		await writeChunks(io, pieces);
		expect(writes.join('')).toBe(pieces.join(''));
		expect(writes).toEqual(['sleep done → heartbeat', long, 'ü\n']);
	});
});
