import type { ScenarioError } from '../../simulations/index';
import type { CodeDiagnostic } from '../views/editor/code-diagnostics';

/**
 * The editor marks for the engine's errors: one per error that has a line, with its code,
 * message and hint. The same message at the same place is marked once (the JSON parser can
 * report one syntax error several times while it recovers).
 */
export function scenarioDiagnostics(errors: readonly ScenarioError[]): CodeDiagnostic[] {
	const seen = new Set<string>();
	const marks: CodeDiagnostic[] = [];
	for (const e of errors) {
		if (e.line === undefined) continue;
		const key = `${e.line}:${e.column}:${e.code}:${e.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		marks.push({
			line: e.line,
			column: e.column,
			severity: 'error',
			code: e.code,
			message: e.message,
			hint: e.hint
		});
	}
	return marks;
}
