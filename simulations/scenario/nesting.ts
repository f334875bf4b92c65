import { createScanner, type SyntaxKind } from 'jsonc-parser';
import type { Path } from './check';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const OPEN_BRACE = 1 as SyntaxKind;
const CLOSE_BRACE = 2 as SyntaxKind;
const OPEN_BRACKET = 3 as SyntaxKind;
const CLOSE_BRACKET = 4 as SyntaxKind;
const COMMA = 5 as SyntaxKind;
const STRING = 10 as SyntaxKind;
const EOF = 17 as SyntaxKind;

/** One open object or array while scanning: the key or index its current value is at. */
type Open = { seg: string | number; array: boolean };

/**
 * The path and offset of the first object or array nested deeper than `max`, or null. One
 * pass over the tokens, no recursion: a parser's own recursion would overflow the stack first.
 * Malformed JSON is scanned as best it can be; the parser reports its faults afterwards.
 */
export function tooDeep(text: string, max: number): { path: Path; offset: number } | null {
	const scanner = createScanner(text, true);
	const open: Open[] = [];
	let expectKey = false;
	for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
		const top = open[open.length - 1];
		switch (token) {
			case OPEN_BRACE:
			case OPEN_BRACKET:
				if (open.length === max)
					return { path: open.map((o) => o.seg), offset: scanner.getTokenOffset() };
				open.push({ seg: token === OPEN_BRACE ? '' : 0, array: token === OPEN_BRACKET });
				expectKey = token === OPEN_BRACE;
				break;
			case CLOSE_BRACE:
			case CLOSE_BRACKET:
				open.pop();
				expectKey = false;
				break;
			case COMMA:
				if (top?.array) top.seg = (top.seg as number) + 1;
				else expectKey = top !== undefined;
				break;
			case STRING:
				if (expectKey && top && !top.array) top.seg = scanner.getTokenValue();
				expectKey = false;
				break;
		}
	}
	return null;
}
