import { escapeXml } from '../export/xml';
import { EMBED_KEYS, paramPairs, writeEmbedQuery, type EmbedOptions } from '../url/params';

// Snippets for other sites' pages: `base` is the lab's own address, ending in '/'.

/** The embed's address for these options. */
export function embedLink(base: string, o: EmbedOptions): string {
	return `${base}embed.html?${writeEmbedQuery(o)}`;
}

/** An iframe for any page or wiki that allows one: titled, loaded lazily, full width. */
export function iframeSnippet(base: string, o: EmbedOptions, title: string): string {
	return `<iframe src="${escapeXml(embedLink(base, o))}" title="${escapeXml(title)}" loading="lazy" width="100%" height="760" style="border: 0"></iframe>`;
}

/** The element's script and the element, with the same options as attributes. */
export function elementSnippet(base: string, o: EmbedOptions): string {
	const attributes = paramPairs(o, EMBED_KEYS)
		.map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
		.join('');
	// Split so that this text can never close a <script> it is inlined into.
	const close = '</' + 'script>';
	return `<script type="module" src="${escapeXml(base)}event-loop-lesson.js">${close}\n<event-loop-lesson${attributes}></event-loop-lesson>`;
}
