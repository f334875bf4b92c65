import {
	findNodeAtLocation,
	parseTree,
	printParseErrorCode,
	type Node,
	type ParseError
} from 'jsonc-parser';
import { Checker, type Path } from './check';
import { ERROR_CATALOGUE, type ScenarioError } from './errors';
import type { Scenario } from './types';
import { checkScenario } from './validate';

/** The outcome of parsing: a normalized scenario, or every error found. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const MAX_TEXT = 5_000_000;

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

function parseText(text: string): ParseResult {
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
	const problems: ParseError[] = [];
	const tree = parseTree(text, problems, { disallowComments: true, allowTrailingComma: false });
	const lines = lineStarts(text);
	if (problems.length > 0 || tree === undefined) {
		const errors = problems.slice(0, 20).map((p) => {
			const at = position(lines, p.offset);
			return syntaxError(
				`${words(printParseErrorCode(p.error))} at line ${at.line}, column ${at.column}`,
				at
			);
		});
		return {
			ok: false,
			errors: errors.length ? errors : [syntaxError('the document is empty', null)]
		};
	}
	// JSON.parse, not the tree, gives the values: it makes "__proto__" an ordinary own key.
	return validate(JSON.parse(text), (path) => locate(tree, path, lines));
}

function validate(
	doc: unknown,
	where: ((path: Path) => { line: number; column: number }) | null
): ParseResult {
	const c = new Checker();
	const scenario = checkScenario(c, doc);
	if (scenario && c.errors.length === 0) return { ok: true, scenario };
	return {
		ok: false,
		errors: c.errors.map(({ error, path }) => (where ? { ...error, ...where(path) } : error))
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

/** The node at `path`, or the closest ancestor that exists (a missing field points at its object). */
function locate(tree: Node, path: Path, lines: number[]): { line: number; column: number } {
	for (let n = path.length; n >= 0; n--) {
		const node = findNodeAtLocation(tree, [...path.slice(0, n)]);
		if (node) {
			// For a key, point at the property (its name), not only its value.
			const target = n === path.length && node.parent?.type === 'property' ? node.parent : node;
			return position(lines, target.offset);
		}
	}
	return { line: 1, column: 1 };
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - starts[lo] + 1 };
}
