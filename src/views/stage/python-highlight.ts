import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';

hljs.registerLanguage('python', python);

/** One line of Python as highlight.js markup (it escapes the code it marks up). */
export function highlightPython(line: string): string {
	return hljs.highlight(line, { language: 'python', ignoreIllegals: true }).value;
}
