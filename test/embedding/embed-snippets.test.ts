import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS } from '../../src/url/params';
import { elementSnippet, embedLink, iframeSnippet } from '../../src/embedding/embed-snippets';

const base = 'https://lab.example/docs/';
const options = { ...EMBED_DEFAULTS, lesson: 'gil-and-pool', step: 4, variant: 'a"b<c' };

describe('embed snippets', () => {
	it('link to the embed with only the options that differ from the defaults', () => {
		expect(embedLink(base, options)).toBe(
			'https://lab.example/docs/embed.html?lesson=gil-and-pool&step=4&variant=a%22b%3Cc'
		);
	});

	it('write an iframe with the link, an escaped title and lazy loading', () => {
		expect(iframeSnippet(base, options, 'Tom & "Jerry" <3')).toBe(
			'<iframe src="https://lab.example/docs/embed.html?lesson=gil-and-pool&amp;step=4&amp;variant=a%22b%3Cc" title="Tom &amp; &quot;Jerry&quot; &lt;3" loading="lazy" width="100%" height="760" style="border: 0"></iframe>'
		);
	});

	it('write the element with the same options as escaped attributes', () => {
		expect(elementSnippet(base, options)).toBe(
			'<script type="module" src="https://lab.example/docs/event-loop-lesson.js"></script>\n' +
				'<event-loop-lesson lesson="gil-and-pool" step="4" variant="a&quot;b&lt;c"></event-loop-lesson>'
		);
	});

	it("carry the learner's numbers as set=, readable in the link and as the element's attribute", () => {
		const numbered = { ...options, variant: 'four', set: 'work:50,calls:8' };
		expect(embedLink(base, numbered)).toBe(
			'https://lab.example/docs/embed.html?lesson=gil-and-pool&step=4&variant=four&set=work:50,calls:8'
		);
		expect(iframeSnippet(base, numbered, 'x')).toContain('&amp;set=work:50,calls:8"');
		expect(elementSnippet(base, numbered)).toContain(
			'<event-loop-lesson lesson="gil-and-pool" step="4" variant="four" set="work:50,calls:8">'
		);
	});
});
