import { describe, expect, it } from 'vitest';
import { embedUrl } from '../../src/element/embed-url';

const page = 'https://docs.example/team/runbook.html';
const builtIn = new URL('https://lab.example/embed.html');

describe('embedUrl(base, page, builtIn): where <event-loop-lesson> loads the lab from', () => {
	it('uses the built-in address without a base', () => {
		expect(embedUrl(null, page, builtIn)).toEqual({ url: builtIn });
		expect(embedUrl('', page, builtIn)).toEqual({ url: builtIn });
	});

	it('puts embed.html in the folder base names, relative to the page', () => {
		const href = (base: string) => {
			const r = embedUrl(base, page, builtIn);
			return 'url' in r ? r.url.href : r.problem;
		};
		expect(href('https://lab.example/docs/')).toBe('https://lab.example/docs/embed.html');
		expect(href('../lab/')).toBe('https://docs.example/lab/embed.html');
		expect(href('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/embed.html');
	});

	it('refuses what is no web address with a message saying so, never throwing', () => {
		for (const base of [
			'javascript:alert(1)',
			'javascript://x/%0aalert(1)',
			'data:text/html,<b>x</b>',
			'about:blank',
			'http://[::1',
			'file:///tmp/'
		]) {
			const r = embedUrl(base, page, builtIn);
			expect(r, base).toHaveProperty('problem');
			if ('problem' in r) expect(r.problem).toContain('is not a web address');
		}
	});

	it('shows a long base cut', () => {
		const r = embedUrl(`javascript:${'x'.repeat(10_000)}`, page, builtIn);
		expect('problem' in r && r.problem.length).toBeLessThan(200);
	});
});
