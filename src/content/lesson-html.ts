import { Marked, Renderer, type Tokens } from 'marked';
import { encodeScenarioLink } from '../url/scenario-link';

// A fenced block marked ```python run lab runs as it is on the lab's CPython (a test runs each
// one there): it gets a link that opens it in the playground's Python tab.
const renderer = new Renderer();
const plainCode = renderer.code.bind(renderer);
renderer.code = (token: Tokens.Code) => {
	const html = plainCode(token);
	const [lang, ...flags] = (token.lang ?? '').split(/\s+/);
	if (lang !== 'python' || !flags.includes('lab')) return html;
	const link = `?page=playground&tab=python&py=${encodeURIComponent(encodeScenarioLink(`${token.text}\n`))}`;
	return `${html}<p class="run-python"><a href="${link}">Run this Python</a> in the playground, on CPython's own event loop in your browser.</p>\n`;
};
const marked = new Marked({ renderer });

/**
 * A lesson's Markdown as HTML, rendered where lesson files are read (the lesson index plugin at
 * build time, the command line), so the page ships no Markdown parser. Lesson text is the
 * project's own reviewed content, never user input, which is what makes showing it as HTML safe.
 */
export function lessonHtml(text: string, inline: boolean): string {
	return (
		inline ? marked.parseInline(text, { async: false }) : marked.parse(text, { async: false })
	).trim();
}

/** The Python of every block marked ```python run lab in a lesson's Markdown. */
export function labSnippets(text: string): string[] {
	return [...text.matchAll(/^```python run lab\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}
