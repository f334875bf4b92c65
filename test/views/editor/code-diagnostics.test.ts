import { describe, expect, it } from 'vitest';
import { toLintDiagnostics, type CodeDiagnostic } from '../../../src/views/editor/code-diagnostics';

const TEXT = '{\n  "ms": "fast",\n  "op": "cpu"\n}';
const at = (d: Partial<CodeDiagnostic>) =>
	toLintDiagnostics(TEXT, [{ line: 2, severity: 'error', message: 'm', ...d }])[0];
const marked = (d: Partial<CodeDiagnostic>) => {
	const { from, to } = at(d);
	return TEXT.slice(from, to);
};

describe('toLintDiagnostics(text, list)', () => {
	it('marks from the column to the end of the line, without the trailing comma', () => {
		expect(marked({ column: 3 })).toBe('"ms": "fast"');
		expect(marked({ column: 9 })).toBe('"fast"');
	});

	it("marks the line's text from its first non-blank when there is no column", () => {
		expect(marked({})).toBe('"ms": "fast"');
		expect(marked({ line: 3 })).toBe('"op": "cpu"');
	});

	it('marks up to the end column when there is one', () => {
		expect(marked({ column: 3, endColumn: 7 })).toBe('"ms"');
	});

	it('clamps a line past the end to the last line and a column past its end to its end', () => {
		expect(at({ line: 99 })).toMatchObject({ from: TEXT.length - 1, to: TEXT.length });
		expect(marked({ line: 4, column: 40 })).toBe('');
		expect(at({ line: 4, column: 40 }).from).toBe(TEXT.length);
		expect(marked({ line: 0 })).toBe('{');
		expect(marked({ column: 3, endColumn: 99 })).toBe('"ms": "fast",');
	});

	it('puts the code before the message and the hint on its own line', () => {
		expect(at({ code: 'E_TYPE', message: 'ms: expected a number', hint: 'Use a number.' })).toEqual(
			expect.objectContaining({
				severity: 'error',
				message: 'E_TYPE — ms: expected a number\nUse a number.'
			})
		);
		expect(at({ severity: 'warning', message: 'only this' })).toMatchObject({
			severity: 'warning',
			message: 'only this'
		});
	});

	it('marks an empty text at its start', () => {
		expect(
			toLintDiagnostics('', [{ line: 1, column: 1, severity: 'error', message: 'm' }])
		).toEqual([{ from: 0, to: 0, severity: 'error', message: 'm' }]);
	});
});
