import { describe, expect, it } from 'vitest';
import { sameSiteTraceUrl } from '../../src/url/trace-url';

const PAGE = 'https://lab.example/team/lab/?page=trace';

describe('sameSiteTraceUrl(value, page)', () => {
	it.each([
		['traces/sample-service.json', 'https://lab.example/team/lab/traces/sample-service.json'],
		['../incidents/2026-12-01.json', 'https://lab.example/team/incidents/2026-12-01.json'],
		['/shared/trace.json', 'https://lab.example/shared/trace.json']
	])('resolves the path %s against the page', (value, url) => {
		expect(sameSiteTraceUrl(value, PAGE)).toEqual({ ok: true, url });
	});

	it.each([
		'https://elsewhere.example/trace.json',
		'https://lab.example/team/lab/trace.json',
		'//elsewhere.example/trace.json',
		'/\\elsewhere.example/trace.json',
		'\\\\elsewhere.example/trace.json',
		'javascript:alert(1)',
		'data:application/json,{}',
		' '
	])('refuses %s: not a path on this site', (value) => {
		const read = sameSiteTraceUrl(value, PAGE);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.message).toContain('is not a path on this site');
	});
});
