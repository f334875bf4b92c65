import { describe, expect, it } from 'vitest';
import { pythonDiagnostics } from '../../src/state/python-diagnostics';

const SOURCE = `import asyncio

async def main():
    return {}['missing']

asyncio.run(main())
`;

describe('pythonDiagnostics(errors, source)', () => {
	it('marks the innermost frame of main.py as the error and the calls that led there', () => {
		const text = `Traceback (most recent call last):
  File "main.py", line 6, in <module>
    asyncio.run(main())
  File "main.py", line 4, in main
    return {}['missing']
           ~~^^^^^^^^^^^
KeyError: 'missing'`;
		expect(pythonDiagnostics([{ line: 4, text, request: 'main' }], SOURCE)).toEqual([
			{
				line: 6,
				severity: 'info',
				message: "This call led to line 4, in main: KeyError: 'missing'"
			},
			{ line: 4, column: 12, endColumn: 25, severity: 'error', message: "KeyError: 'missing'" }
		]);
	});

	it('a syntax error (no traceback frames) is marked at the line CPython named', () => {
		const text =
			'  File "main.py", line 3\n    async def main(:\n                   ^\nSyntaxError: invalid syntax';
		expect(pythonDiagnostics([{ line: 3, text }], SOURCE)).toEqual([
			{ line: 3, severity: 'error', message: 'SyntaxError: invalid syntax' }
		]);
		expect(pythonDiagnostics([{ line: null, text: 'RuntimeError: x' }], SOURCE)).toEqual([]);
	});
});
