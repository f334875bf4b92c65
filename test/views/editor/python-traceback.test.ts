import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CodeDiagnostic } from '../../../src/views/editor/code-diagnostics';
import { tracebackDiagnostics } from '../../../src/views/editor/python-traceback';

// tracebacks/NAME.py run as `<lab>` (compile(src, '<lab>', 'exec'), then traceback.print_exc())
// by CPython 3.11.7 (`python3`, no source known to linecache, so no code lines), 3.13.0 and
// Pyodide's 3.14.2 (the learner's source in linecache, so code lines and carets).
const read = (name: string) => readFileSync(new URL(`tracebacks/${name}`, import.meta.url), 'utf8');
const marks = (name: string, version: string) =>
	tracebackDiagnostics(read(`${name}.${version}.txt`), { source: read(`${name}.py`) });

const error = (line: number, message: string, column?: number, endColumn?: number) =>
	({ line, column, endColumn, severity: 'error', message }) as CodeDiagnostic;
const call = (line: number, message: string) =>
	({ line, severity: 'info', message: `This call led to ${message}` }) as CodeDiagnostic;

describe('tracebackDiagnostics(text, {source})', () => {
	const cases: [string, string[], CodeDiagnostic[], CodeDiagnostic[]][] = [
		[
			'zero',
			['3.13', '3.14'],
			[
				call(7, 'line 2, in f: ZeroDivisionError: division by zero'),
				call(5, 'line 2, in f: ZeroDivisionError: division by zero'),
				error(2, 'ZeroDivisionError: division by zero')
			],
			[error(2, 'ZeroDivisionError: division by zero', 12, 17)]
		],
		[
			'name',
			['3.13', '3.14'],
			[error(1, "NameError: name 'undefined_name' is not defined")],
			[error(1, "NameError: name 'undefined_name' is not defined", 7, 21)]
		],
		[
			'chain',
			['3.13', '3.14'],
			[error(2, "KeyError: 'k'"), error(4, 'RuntimeError: wrapped')],
			[error(2, "KeyError: 'k'", 5, 12)]
		],
		[
			'group',
			['3.13'],
			[
				call(
					12,
					'line 8, in main: ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)'
				),
				error(8, 'ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)'),
				error(5, 'ValueError: boom')
			],
			[error(8, 'ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)', 16, 35)]
		],
		['timeout', ['3.13'], [call(4, 'line 3, in main: TimeoutError'), error(3, 'TimeoutError')], []]
	];
	for (const [name, carets, plain, columns] of cases) {
		it(`${name}: marks the innermost <lab> frame and the calls that led there (3.11, no code shown)`, () => {
			expect(marks(name, '3.11')).toEqual(plain);
		});
		for (const version of carets) {
			it(`${name}: takes exact columns from ${version}'s carets`, () => {
				const withColumns = plain.map(
					(d) => columns.find((c) => c.line === d.line && c.message === d.message) ?? d
				);
				expect(marks(name, version)).toEqual(withColumns);
			});
		}
	}

	it('marks a syntax error at its caret in every version', () => {
		for (const version of ['3.11', '3.13', '3.14']) {
			expect(marks('syntax', version)).toEqual([
				error(2, "SyntaxError: '[' was never closed", 9, 10)
			]);
		}
	});

	it('adds the source line indent back to the caret of an indentation error', () => {
		const message = 'IndentationError: unindent does not match any outer indentation level';
		expect(marks('indent', '3.11')).toEqual([error(4, message, 14, 15)]);
		expect(marks('indent', '3.13')).toEqual([error(4, message, 14, 15)]);
	});

	it("marks the file's warnings and skips other files' warnings and the tracemalloc notes", () => {
		const warning: CodeDiagnostic = {
			line: 4,
			severity: 'warning',
			message: "RuntimeWarning: coroutine 'sleep' was never awaited"
		};
		expect(marks('warn', '3.11')).toEqual([warning]);
		expect(marks('warn', '3.13')).toEqual([warning]);
	});

	it('keeps the line but drops columns when the source no longer matches the printed code', () => {
		const text = read('zero.3.13.txt');
		const edited = read('zero.py').replace('1 / x', '1 / (x)');
		expect(tracebackDiagnostics(text, { source: edited }).at(-1)).toEqual(
			error(2, 'ZeroDivisionError: division by zero')
		);
	});

	it('reads another file name, and nothing when no frame is in the file', () => {
		const text = read('name.3.11.txt');
		expect(tracebackDiagnostics(text, { file: '<string>' })).toEqual([]);
		expect(tracebackDiagnostics(text.replaceAll('<lab>', 'app.py'), { file: 'app.py' })).toEqual([
			error(1, "NameError: name 'undefined_name' is not defined")
		]);
	});

	it('ignores terminal colours and text that is no traceback', () => {
		const coloured = read('name.3.11.txt').replace('NameError', '\x1b[35mNameError\x1b[0m');
		expect(tracebackDiagnostics(coloured)).toEqual(marks('name', '3.11'));
		expect(tracebackDiagnostics('ValueError: not in a traceback\nhello')).toEqual([]);
		expect(tracebackDiagnostics('')).toEqual([]);
	});
});
