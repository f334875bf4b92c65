import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/export/xml';

describe('escapeXml(text)', () => {
	it.each([
		['<script>', '&lt;script&gt;'],
		['a & b', 'a &amp; b'],
		[`"double" 'single'`, '&quot;double&quot; &apos;single&apos;'],
		['&amp;', '&amp;amp;'],
		['bell\u0007 nul\u0000 tab\t', 'bell nul tab\t'],
		['lone \uD800 surrogate, pair 😀', 'lone  surrogate, pair 😀'],
		['“quotes” · …', '“quotes” · …']
	])('escapeXml(%j) is %j', (text, escaped) => {
		expect(escapeXml(text)).toBe(escaped);
	});
});
