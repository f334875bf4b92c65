// Pictures have no HTML, so lesson Markdown is drawn as plain text, wrapped by an estimate of
// its width: a pure module cannot measure text, and a line a little short is better than one cut.

// Escaped marks (\*) are parked in the Private Use Area while emphasis is removed, then restored.
const PARK = 0xe000;

/** Markdown narration as plain text: links keep their words; emphasis, code marks and escapes go. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/\\([\\`*_[\]()#+\-.!])/g, (_, c: string) =>
			String.fromCharCode(PARK + c.charCodeAt(0))
		)
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
		.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
		.replace(/`+([^`]*)`+/g, '$1')
		.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARK))
		.replace(/[ \t]+/g, ' ')
		.trim();
}

// Advance widths of DejaVu Sans (the PNG's font and among the widest sans-serifs) in em, by class.
const NARROW = /[ il|.,:;'!ijtfrI()[\]{}`"/\\-]/;
const WIDE = /[mwMW@%]/;
const CAPITAL = /[A-Z0-9#&=+<>?_~$]/;

/** Estimated width of `text` in a sans-serif at `size` px (bold is about a tenth wider). */
export function textWidth(text: string, size: number, bold = false): number {
	let em = 0;
	for (const ch of text) {
		if (NARROW.test(ch)) em += 0.34;
		else if (WIDE.test(ch)) em += 0.92;
		else if (CAPITAL.test(ch)) em += 0.7;
		else em += 0.62;
	}
	return em * size * (bold ? 1.1 : 1);
}

/** Breaks text into lines no wider than `width` (paragraphs kept); a word too long is split. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
	const fits = (s: string) => textWidth(s, size, bold) <= width;
	const lines: string[] = [];
	for (const paragraph of text.split(/\n\s*\n/)) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const joined = line ? `${line} ${word}` : word;
			if (fits(joined)) {
				line = joined;
				continue;
			}
			if (line) lines.push(line);
			line = word;
			while (!fits(line) && line.length > 1) {
				let cut = line.length - 1;
				while (cut > 1 && !fits(line.slice(0, cut))) cut--;
				lines.push(line.slice(0, cut));
				line = line.slice(cut);
			}
		}
		if (line) lines.push(line);
	}
	return lines;
}

/** `text` shortened with an ellipsis to fit `width`. */
export function fitText(text: string, width: number, size: number): string {
	if (textWidth(text, size) <= width) return text;
	let cut = text.length;
	while (cut > 0 && textWidth(`${text.slice(0, cut)}…`, size) > width) cut--;
	return `${text.slice(0, cut)}…`;
}
