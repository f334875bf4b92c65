import type { SyntaxNode } from '@lezer/common';
import type { Callee } from './call-rules';
import type { PythonSource } from './python-source';

/** How a callee is named; `a.b(x).c` has a call result as its receiver. */
export function calleeOf(src: PythonSource, n: SyntaxNode): Callee {
	if (n.name === 'VariableName') {
		return { dotted: src.textOf(n), receiver: null, method: null, onCallResult: false };
	}
	if (n.name !== 'MemberExpression') {
		return { dotted: null, receiver: null, method: null, onCallResult: false };
	}
	const object = n.firstChild as SyntaxNode;
	const prop = n.lastChild?.name === 'PropertyName' ? src.textOf(n.lastChild) : null;
	return {
		dotted: dottedName(src, n),
		receiver: object.name === 'VariableName' ? src.textOf(object) : null,
		method: prop,
		onCallResult: object.name === 'CallExpression'
	};
}

/** `a.b.c` when the expression is only names and dots. */
function dottedName(src: PythonSource, n: SyntaxNode): string | null {
	if (n.name === 'VariableName') return src.textOf(n);
	if (n.name !== 'MemberExpression' || n.lastChild?.name !== 'PropertyName') return null;
	const head = dottedName(src, n.firstChild as SyntaxNode);
	return head === null ? null : `${head}.${src.textOf(n.lastChild)}`;
}

/** A call's arguments: positional ones (a `*` before one marks it starred) and all of them. */
export function argsOf(call: SyntaxNode): { positional: SyntaxNode[]; all: SyntaxNode[] } {
	const positional: SyntaxNode[] = [];
	const all: SyntaxNode[] = [];
	const list = call.getChild('ArgList');
	for (let c = list?.firstChild ?? null; c; c = c.nextSibling) {
		if (['(', ')', ',', '*', '**', 'AssignOp'].includes(c.name)) continue;
		if (c.nextSibling?.name === 'AssignOp') continue;
		all.push(c);
		if (c.prevSibling?.name !== 'AssignOp' && c.prevSibling?.name !== '**') positional.push(c);
	}
	return { positional, all };
}

/** A literal number of seconds as ms (`0.2` → 200), else null. */
export function secondsOf(src: PythonSource, n: SyntaxNode | undefined): number | null {
	if (n?.name !== 'Number') return null;
	const s = Number(src.textOf(n).replace(/_/g, ''));
	return Number.isFinite(s) && s >= 0 ? Math.round(s * 1e6) / 1e3 : null;
}

/** The call as written, on one line and short enough for a list. */
export function shortText(src: PythonSource, n: SyntaxNode): string {
	const text = src.textOf(n).replace(/\s+/g, ' ');
	return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
