import { marked } from 'marked';

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
