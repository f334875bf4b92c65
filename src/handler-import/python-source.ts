import { pythonLanguage } from '@codemirror/lang-python';
import { Text } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import type { ReadProblem } from './types';

/** A parsed paste: its syntax tree's top and how to read positions and text from it. */
export interface PythonSource {
	text: string;
	top: SyntaxNode;
	lineOf(pos: number): number;
	textOf(node: SyntaxNode): string;
}

/** The handler found in a paste: its definition, decorators and whether it is `async def`. */
export interface FunctionFound {
	def: SyntaxNode;
	name: string;
	isAsync: boolean;
	decorators: string[];
	/** Module-level statements around it (imports, `app = FastAPI()`, `lock = asyncio.Lock()`). */
	module: SyntaxNode[];
}

/** Parses Python with the editor's own grammar (lezer), which keeps going past errors. */
export function parsePython(text: string): PythonSource {
	// The editor's own document type finds a position's line (a tree of line lengths).
	const doc = Text.of(text.split('\n'));
	return {
		text,
		top: pythonLanguage.parser.parse(text).topNode,
		lineOf: (pos) => doc.lineAt(pos).number,
		textOf: (node) => text.slice(node.from, node.to)
	};
}

/** The first syntax error in the tree, as a problem at its line. */
export function syntaxProblem(src: PythonSource): ReadProblem | null {
	let found: SyntaxNode | null = null;
	src.top.cursor().iterate((n) => {
		if (found) return false;
		if (n.type.isError) found = n.node;
	});
	if (!found) return null;
	const at = found as SyntaxNode;
	const near = src.text
		.slice(at.from, at.from + 20)
		.split('\n')[0]
		.trim();
	return {
		line: src.lineOf(at.from),
		message: `Python syntax error on line ${src.lineOf(at.from)}${near ? ` near “${near}”` : ''}.`
	};
}

/** The one function of a paste, or a problem saying why there is not exactly one. */
export function findFunction(src: PythonSource): FunctionFound | ReadProblem {
	const defs: { def: SyntaxNode; decorators: string[] }[] = [];
	const module: SyntaxNode[] = [];
	for (let n = src.top.firstChild; n; n = n.nextSibling) {
		if (n.name === 'FunctionDefinition') defs.push({ def: n, decorators: [] });
		else if (n.name === 'DecoratedStatement') {
			const def = n.getChild('FunctionDefinition');
			if (def) defs.push({ def, decorators: n.getChildren('Decorator').map(src.textOf) });
			else module.push(n);
		} else module.push(n);
	}
	const nameOf = (def: SyntaxNode) => {
		const name = def.getChild('VariableName');
		return name ? src.textOf(name) : '?';
	};
	if (defs.length === 0) {
		return {
			line: 1,
			message:
				'No function here: paste one handler, starting with “async def” (or a FastAPI “def” route).'
		};
	}
	if (defs.length > 1) {
		const list = defs.map((d) => `${nameOf(d.def)} on line ${src.lineOf(d.def.from)}`).join(', ');
		return {
			line: src.lineOf(defs[1].def.from),
			message: `Paste one handler at a time: found ${defs.length} functions (${list}). Paste the handler alone: its calls to helpers are listed as not recognised, and the form can add a step for each.`
		};
	}
	const [{ def, decorators }] = defs;
	return {
		def,
		name: nameOf(def),
		isAsync: def.getChild('async') !== null,
		decorators,
		module
	};
}

/**
 * The first `await`, `async with` or `async for` in a function's body that is not inside a
 * function nested in it: Python refuses one in a plain `def` (SyntaxError), though the grammar
 * parses it. Answers what it is ("await", "async with") and where.
 */
export function firstAsyncIn(
	src: PythonSource,
	body: SyntaxNode
): { what: string; at: number } | null {
	let found: { what: string; at: number } | null = null;
	body.cursor().iterate((n) => {
		if (found) return false;
		if (n.name === 'FunctionDefinition' || n.name === 'LambdaExpression') return false;
		if (n.name === 'AwaitExpression') found = { what: 'await', at: n.from };
		else if (n.name === 'async') {
			const next = n.node.nextSibling;
			found = { what: next ? `async ${src.textOf(next)}` : 'async', at: n.from };
		}
	});
	return found;
}
