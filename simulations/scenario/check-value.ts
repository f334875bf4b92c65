// Validating a scenario@1 document already parsed: what a page that never shows a JSON error
// (a lesson's own files, tested with their lines by the CLI) needs, without the JSON text tools
// that place errors at a line.
import { Checker, type Path } from './check';
import { ERROR_CATALOGUE, type ScenarioError } from './errors';
import type { Scenario } from './types';
import { checkScenario } from './validate';

/** The outcome of parsing: a normalized scenario, or every error found. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Validates an already-parsed scenario@1 value; errors carry paths, not lines. Never throws. */
export function parseScenarioValue(doc: unknown): ParseResult {
	try {
		return checkValue(doc, null);
	} catch (e) {
		return internalError(e);
	}
}

/** A defect in the validator must still not crash a caller: it is reported as a finding. */
export function internalError(e: unknown): ParseResult {
	const message = `internal validator error: ${(e as Error)?.message ?? String(e)}`;
	return { ok: false, errors: [syntaxError(message, null)] };
}

/** Checks `doc`, placing each error with `where` (its line and column in the text) if given. */
export function checkValue(
	doc: unknown,
	where: ((path: Path) => { line: number; column: number }) | null
): ParseResult {
	const c = new Checker();
	const scenario = checkScenario(c, doc);
	if (scenario && c.errors.length === 0) return { ok: true, scenario };
	const errors = c.errors.map(({ error, path }) => (where ? { ...error, ...where(path) } : error));
	if (c.unlisted > 0) errors.push(unlisted(c.unlisted, errors.length));
	return { ok: false, errors };
}

function unlisted(count: number, listed: number): ScenarioError {
	const more = `${count.toLocaleString('en-US')} more error${count === 1 ? '' : 's'}`;
	return {
		code: 'E_MORE_ERRORS',
		path: '',
		expected: `at most ${listed} errors listed`,
		found: more,
		message: `(document): and ${more}, not listed`,
		hint: ERROR_CATALOGUE.E_MORE_ERRORS.hint
	};
}

export function syntaxError(
	message: string,
	at: { line: number; column: number } | null
): ScenarioError {
	return {
		code: 'E_JSON_SYNTAX',
		path: '',
		expected: 'valid JSON',
		found: message,
		message: `(document): ${message}`,
		hint: ERROR_CATALOGUE.E_JSON_SYNTAX.hint,
		...(at ?? {})
	};
}
