import type { Diagnostic } from '@codemirror/lint';

/** A problem to show in an editor, by line (1-based) and, where known, column (1-based). */
export interface CodeDiagnostic {
	line: number;
	/** Where the mark starts; without it the whole line's text is marked. */
	column?: number;
	/** Where the mark ends (exclusive); without it, at the end of the line's text. */
	endColumn?: number;
	severity: 'error' | 'warning' | 'info';
	message: string;
	/** How to fix it, shown under the message. */
	hint?: string;
	/** A catalogue code such as `E_TYPE`; shown before the message. */
	code?: string;
}

/**
 * CodeMirror diagnostics for `text`: each mark runs from its column (or the line's first
 * non-blank) to its end column (or the end of the line's text, without a trailing comma). Lines
 * past the end land on the last line, columns past a line's end at its end, so a stale or
 * imprecise position still marks something instead of throwing.
 */
export function toLintDiagnostics(text: string, list: readonly CodeDiagnostic[]): Diagnostic[] {
	const starts = lineStarts(text);
	return list.map((d) => {
		const n = Math.min(Math.max(d.line, 1), starts.length);
		const start = starts[n - 1];
		const body = text.slice(start, n < starts.length ? starts[n] - 1 : text.length);
		const content = body.replace(/,?\s*$/, '');
		const first = Math.max(content.length - content.trimStart().length, 0);
		const from = d.column === undefined ? first : Math.min(d.column - 1, body.length);
		const end = d.endColumn === undefined ? content.length : Math.min(d.endColumn - 1, body.length);
		return {
			from: start + Math.max(from, 0),
			to: start + Math.max(end, from, 0),
			severity: d.severity,
			message: [d.code ? `${d.code} — ${d.message}` : d.message, d.hint].filter(Boolean).join('\n')
		};
	});
}

/** The offset where each line starts. */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}
