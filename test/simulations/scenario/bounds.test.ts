import { parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { type ScenarioError } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';
import { MAX_ERRORS, MAX_NAME } from '../../../simulations/scenario/check';
import { lineStarts, locator } from '../../../simulations/scenario/locate';
import { minimalScenario as base } from './minimal-scenario';

// Each case is a reproduction from issue 15's scale and fuzz review ("Nothing quadratic, nothing
// unbounded"). The checks are on counts and sizes: a quadratic or unbounded report comes back as
// thousands of errors or megabytes of text, whatever the machine's speed.
const errorsOf = (input: unknown): ScenarioError[] => {
	const r = parseScenario(input);
	return r.ok ? [] : r.errors;
};
const chars = (errors: ScenarioError[]) =>
	errors.reduce(
		(n, e) => n + e.message.length + e.path.length + e.expected.length + e.found.length,
		0
	);

describe('periods that drive repetition have a floor of 1 µs (issue 15, item 3)', () => {
	const cases: [string, Record<string, unknown>, string][] = [
		[
			'switchIntervalMs 5e-324',
			{ runtime: { switchIntervalMs: 5e-324 } },
			'runtime.switchIntervalMs'
		],
		['switchIntervalMs 1e-9', { runtime: { switchIntervalMs: 1e-9 } }, 'runtime.switchIntervalMs'],
		[
			'heartbeat everyMs 1e-6',
			{ background: [{ kind: 'heartbeat', everyMs: 1e-6 }] },
			'background[0].everyMs'
		],
		[
			'lag monitor everyMs 0',
			{ background: [{ kind: 'lagMonitor', everyMs: 0 }] },
			'background[0].everyMs'
		]
	];
	for (const [name, extra, path] of cases) {
		it(`refuses ${name} with a catalogued error and its hint`, () => {
			const errors = errorsOf(JSON.stringify(base(extra)));
			expect(errors).toHaveLength(1);
			expect(errors[0]).toMatchObject({ code: 'E_PERIOD_TOO_SHORT', path, line: 1 });
			expect(errors[0].message).toContain('at least 0.001 ms');
			expect(errors[0].hint).toContain('virtual time');
		});
	}

	it('accepts the floor itself', () => {
		const doc = base({
			runtime: { switchIntervalMs: 0.001 },
			background: [{ kind: 'heartbeat', everyMs: 0.001 }]
		});
		expect(errorsOf(doc)).toEqual([]);
	});
});

describe('names and error lists are capped (issue 15, item 5)', () => {
	it('a 2 MB handler name with 2,000 bad steps gives one short error, not 2,000 huge ones', () => {
		const name = 'n'.repeat(2_000_000);
		const steps = Array.from({ length: 2000 }, () => ({ op: 'slep' }));
		const errors = errorsOf(JSON.stringify(base({ handlers: { [name]: { steps } } })));
		expect(errors.map((e) => e.code)).toEqual(['E_RANGE', 'E_UNKNOWN_HANDLER']);
		expect(errors[0].path).toBe(`handlers["${'n'.repeat(MAX_NAME)}…"]`);
		expect(chars(errors)).toBeLessThan(2_000);
	});

	it('a request naming a huge handler, or many unknown handlers, stays short', () => {
		const handlers = Object.fromEntries(
			Array.from({ length: 500 }, (_, i) => [`h${i}`, { steps: [] }])
		);
		const errors = errorsOf(
			base({ handlers, requests: [{ id: 'a', at: 0, handler: 'x'.repeat(1_000_000) }] })
		);
		expect(errors.map((e) => e.code)).toEqual(['E_RANGE', 'E_UNKNOWN_HANDLER']);
		expect(errors[1].expected).toContain('h9 and 490 more');
		expect(chars(errors)).toBeLessThan(1_000);
	});

	it(`lists the first ${MAX_ERRORS} errors and counts the rest ("and N more")`, () => {
		const steps = Array.from({ length: 5000 }, () => ({ op: 'slep' }));
		const errors = errorsOf(JSON.stringify(base({ handlers: { h: { steps } } })));
		expect(errors).toHaveLength(MAX_ERRORS + 1);
		expect(errors[MAX_ERRORS - 1].path).toBe(`handlers.h.steps[${MAX_ERRORS - 1}].op`);
		expect(errors[MAX_ERRORS]).toMatchObject({ code: 'E_MORE_ERRORS', path: '' });
		expect(errors[MAX_ERRORS].message).toContain('and 4,900 more errors');
	});

	it('an unknown field with a huge name is shown cut', () => {
		const errors = errorsOf(base({ ['k'.repeat(100_000)]: 1 }));
		expect(errors[0].code).toBe('E_UNKNOWN_FIELD');
		expect(errors[0].found).toBe(`"${'k'.repeat(MAX_NAME)}…"`);
	});
});

describe('errors are located in one pass (issue 15, item 6)', () => {
	it('80,000 unknown keys: a bounded report, each error at its own key', () => {
		const keys = Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, i]));
		const text = JSON.stringify(base(keys), null, 1);
		const errors = errorsOf(text);
		expect(errors).toHaveLength(MAX_ERRORS + 1);
		const lines = text.split('\n');
		for (const e of errors.slice(0, MAX_ERRORS))
			expect(lines[(e.line ?? 0) - 1].slice((e.column ?? 0) - 1)).toMatch(`"${e.path}":`);
	});

	it('the locator finds 80,000 paths in one object, each at its key', () => {
		const n = 80_000;
		const text = `{\n${Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(',\n')}\n}`;
		const tree = parseTree(text);
		if (!tree) expect.fail('no tree');
		const at = locator(tree, lineStarts(text));
		const wrong = Array.from({ length: n }, (_, i) => i).filter(
			(i) => at([`k${i}`]).line !== i + 2
		);
		expect(wrong).toEqual([]);
		expect(at(['missing'])).toEqual({ line: 1, column: 1 });
	});

	it('reads each key of an object once, however many errors it locates', () => {
		const n = 2_000;
		const text = `{${Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(',')}}`;
		const tree = parseTree(text);
		if (!tree?.children) expect.fail('no tree');
		let reads = 0;
		// jsonc-parser types the tree read-only; the test swaps in a counting view of it.
		(tree as { children: Node[] }).children = new Proxy(tree.children, {
			get(target, key, receiver) {
				if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
				return Reflect.get(target, key, receiver);
			}
		});
		const at = locator(tree, lineStarts(text));
		for (let i = 0; i < n; i++) at([`k${n - 1 - i}`, 'x']);
		expect(reads).toBeLessThanOrEqual(n);
	});
});

describe('diagnostics that used to be obscure (issue 15, item 10)', () => {
	it('nesting 10,000 deep gives E_TOO_LARGE with the path where it went too deep', () => {
		let deep = '1';
		for (let i = 0; i < 10_000; i++) deep = `[${deep}]`;
		const text = JSON.stringify(base()).replace('[{"op":"cpu","ms":1}]', deep);
		const errors = errorsOf(text);
		expect(errors).toHaveLength(1);
		expect(errors[0].code).toBe('E_TOO_LARGE');
		expect(errors[0].path).toMatch(/^handlers\.h\.steps(\[0\])+$/);
		expect(errors[0].message).toContain('nested at most 100 deep');
		expect(errors[0].line).toBe(1);
		expect(text[(errors[0].column ?? 0) - 1]).toBe('[');
	});

	it('nesting inside objects names their keys', () => {
		let deep = '1';
		for (let i = 0; i < 200; i++) deep = `{"a": [0, ${deep}]}`;
		const errors = errorsOf(`{"x": ${deep}}`);
		expect(errors[0].path).toMatch(/^x\.a\[1\]\.a\[1\]/);
	});

	it('accepts a UTF-8 byte order mark, columns counted after it', () => {
		expect(parseScenario(`\uFEFF${JSON.stringify(base())}`).ok).toBe(true);
		const errors = errorsOf(`\uFEFF{"format": 1}`);
		expect(errors.find((e) => e.code === 'E_FORMAT')).toMatchObject({ line: 1, column: 2 });
	});

	it('says a UTF-16 file is UTF-16, with or without its byte order mark', () => {
		const json = JSON.stringify(base());
		for (const bytes of [
			Buffer.from(`\uFEFF${json}`, 'utf16le'),
			Buffer.from(json, 'utf16le'),
			Buffer.from(json, 'utf16le').swap16()
		]) {
			for (const read of [bytes.toString('utf8'), bytes.toString('latin1')]) {
				const errors = errorsOf(read);
				expect(errors).toHaveLength(1);
				expect(errors[0]).toMatchObject({ code: 'E_ENCODING', line: 1, column: 1 });
				expect(errors[0].message).toContain('this file is UTF-16; save it as UTF-8');
			}
		}
	});

	it('a repeated key is located at its last occurrence, the value that is used', () => {
		const text = [
			'{"format": "event-loop-lab/scenario@1", "id": "x", "title": "t",',
			'"limitMs": 5,',
			'"limitMs": -1,',
			'"handlers": {"h": {"steps": []}}, "requests": [{"id": "a", "at": 0, "handler": "h"}]}'
		].join('\n');
		expect(errorsOf(text)).toMatchObject([{ path: 'limitMs', line: 3, column: 1 }]);
	});
});
