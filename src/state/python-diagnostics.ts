import { PYTHON_FILE, type PythonError } from '../exact/index';
import type { CodeDiagnostic } from '../views/editor/code-diagnostics';
import { tracebackDiagnostics } from '../views/editor/python-traceback';

/**
 * The editor's marks for a run's errors: each traceback read as CPython printed it (the error at
 * the innermost frame in main.py, an info mark at each call that led there), or, for an error
 * without a frame of main.py in it, the error at the line CPython named.
 */
export function pythonDiagnostics(
	errors: readonly PythonError[],
	source: string
): CodeDiagnostic[] {
	return errors.flatMap((e): CodeDiagnostic[] => {
		const marks = tracebackDiagnostics(e.text, { file: PYTHON_FILE, source });
		if (marks.length > 0 || e.line === null) return marks;
		const message = e.text.trimEnd().split('\n').at(-1) ?? e.text;
		return [{ line: e.line, severity: 'error', message }];
	});
}
