import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';

hljs.registerLanguage('python', python);

// A lesson's variants share most of their lines: each line is highlighted once, so a step that
// changes the variant on show re-highlights only the lines that differ. Typing in the playground
// makes new lines without end, so the memo starts over past a bound.
const done = new Map<string, string>();
const KEEP = 2000;

/** One line of Python as highlight.js markup (it escapes the code it marks up). */
export function highlightPython(line: string): string {
	let html = done.get(line);
	if (html === undefined) {
		html = hljs.highlight(line, { language: 'python', ignoreIllegals: true }).value;
		if (done.size >= KEEP) done.clear();
		done.set(line, html);
	}
	return html;
}
