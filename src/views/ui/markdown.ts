/** Lesson text to HTML: Markdown, or its inline subset for one-line texts. */
export type RenderMarkdown = (text: string, inline: boolean) => string;

let render: RenderMarkdown | null = null;
let loading: Promise<RenderMarkdown> | null = null;

/**
 * Loads the Markdown renderer once. Pages start it beside a lesson's own files, so text never
 * waits for it, and pages without lesson text never load it.
 */
export function loadMarkdown(): Promise<RenderMarkdown> {
	loading ??= import('marked').then(({ marked }) => {
		render = (text, inline) => (inline ? marked.parseInline(text) : marked.parse(text)) as string;
		return render;
	});
	return loading;
}

/** The renderer, once loaded. */
export function markdownRenderer(): RenderMarkdown | null {
	return render;
}
