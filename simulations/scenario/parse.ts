import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { Checker, type Path } from './check';
import { ERROR_CATALOGUE, type ScenarioError } from './errors';
import { lineStarts, locator, position } from './locate';
import { tooDeep } from './nesting';
import type { Scenario } from './types';
import { checkScenario } from './validate';

/** The outcome of parsing: a normalized scenario, or every error found. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const MAX_TEXT = 5_000_000;
/** JSON nesting allowed: far beyond what 16 levels of steps need, far below a parser's stack. */
const MAX_NESTING = 100;
/** UTF-16 read as UTF-8 (its byte order mark as two U+FFFD) or as Latin-1 (`ÿþ`), or a NUL byte. */
const UTF16 = /^(\uFFFD\uFFFD|\u00FF\u00FE|\u00FE\u00FF)|^[^\0]{0,3}\0/;

/**
 * Parses and validates a scenario@1 document given as JSON text (errors then carry line and
 * column) or as an already-parsed value. Never throws; returns all errors, not just the first.
 */
export function parseScenario(input: string | unknown): ParseResult {
	try {
		return typeof input === 'string' ? parseText(input) : validate(input, null);
	} catch (e) {
		// A defect in the validator must still not crash a caller: report it as a finding.
		const message = `internal validator error: ${(e as Error)?.message ?? String(e)}`;
		return { ok: false, errors: [syntaxError(message, null)] };
	}
}

function parseText(input: string): ParseResult {
	// A UTF-8 byte order mark is only a marker: editors show no column for it.
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	if (UTF16.test(text)) {
		const error: ScenarioError = {
			code: 'E_ENCODING',
			path: '',
			expected: 'UTF-8 text',
			found: 'UTF-16 text',
			message: '(document): this file is UTF-16; save it as UTF-8',
			hint: ERROR_CATALOGUE.E_ENCODING.hint,
			line: 1,
			column: 1
		};
		return { ok: false, errors: [error] };
	}
	if (text.length > MAX_TEXT) {
		const error: ScenarioError = {
			code: 'E_TOO_LARGE',
			path: '',
			expected: `at most ${MAX_TEXT} characters`,
			found: `${text.length} characters`,
			message: `(document): expected at most ${MAX_TEXT} characters, found ${text.length}`,
			hint: ERROR_CATALOGUE.E_TOO_LARGE.hint
		};
		return { ok: false, errors: [error] };
	}
	const lines = lineStarts(text);
	const deep = tooDeep(text, MAX_NESTING);
	if (deep) {
		const c = new Checker();
		c.fail('E_TOO_LARGE', deep.path, `JSON nested at most ${MAX_NESTING} deep`, 'deeper nesting');
		return { ok: false, errors: [{ ...c.errors[0].error, ...position(lines, deep.offset) }] };
	}
	let doc: unknown;
	try {
		// JSON.parse, not the tree, gives the values: it makes "__proto__" an ordinary own key.
		doc = JSON.parse(text);
	} catch (e) {
		return { ok: false, errors: syntaxErrors(text, lines, (e as Error).message) };
	}
	// The tree only places errors: a valid document never builds it.
	let at: ((path: Path) => { line: number; column: number }) | null = null;
	return validate(doc, (path) => {
		if (!at) {
			const tree = parseTree(text);
			at = tree ? locator(tree, lines) : () => ({ line: 1, column: 1 });
		}
		return at(path);
	});
}

/** Where the JSON is malformed, by jsonc-parser, which (unlike JSON.parse) says where everywhere. */
function syntaxErrors(text: string, lines: number[], fallback: string): ScenarioError[] {
	const problems: ParseError[] = [];
	parseTree(text, problems, { disallowComments: true, allowTrailingComma: false });
	const errors = problems.slice(0, 20).map((p) => {
		const at = position(lines, p.offset);
		return syntaxError(
			`${words(printParseErrorCode(p.error))} at line ${at.line}, column ${at.column}`,
			at
		);
	});
	if (errors.length) return errors;
	return [syntaxError(text.trim() === '' ? 'the document is empty' : fallback, null)];
}

function validate(
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

/** `CommaExpected` → `comma expected`. */
function words(code: string): string {
	return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function syntaxError(message: string, at: { line: number; column: number } | null): ScenarioError {
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
