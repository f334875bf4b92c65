import { describe, expect, it } from 'vitest';
import { pythonStart, readProgram, saveProgram } from '../../src/state/python-start';
import { encodeScenarioLink } from '../../src/url/scenario-link';
import { readQuery, writeUrl, DEFAULTS } from '../../src/url/params';

const SAMPLE = 'import asyncio\n';
const start = (search: string, saved: string | null = null) =>
	pythonStart(readQuery(search).params, saved, SAMPLE);

describe('pythonStart(url, saved, sample)', () => {
	it("opens the link's program exactly, on the tab it names", () => {
		const code = "print('<b>hi</b>')\n\tx = 1\n";
		expect(start(`?page=playground&tab=python&py=${encodeScenarioLink(code)}`)).toEqual({
			code,
			tab: 'python',
			notice: null
		});
	});

	it("opens this tab's program when the link has none, else the sample, on the scenario tab", () => {
		expect(start('?page=playground', 'mine')).toEqual({
			code: 'mine',
			tab: 'scenario',
			notice: null
		});
		expect(start('?page=playground').code).toBe(SAMPLE);
	});

	it('says what is wrong with a damaged link and keeps what this tab had', () => {
		const r = start('?page=playground&tab=python&py=not*a*link', 'mine');
		expect(r.code).toBe('mine');
		expect(r.notice).toMatch(
			/Python program cannot be opened: the program in the link contains characters a program link never has\. Showing the program you were editing in this tab instead\./
		);
		expect(start('?page=playground&py=N4Ig').notice).toMatch(/damaged[\s\S]*the sample program/);
	});
});

describe('the program in the URL and in storage', () => {
	it('writes py and tab=python only when they are not the defaults; old links read as before', () => {
		const url = { ...DEFAULTS, page: 'playground' as const };
		expect(writeUrl(url)).toBe('?page=playground');
		expect(writeUrl({ ...url, tab: 'python', py: 'abc' })).toBe(
			'?page=playground&tab=python#py=abc'
		);
		expect(readQuery('?page=playground&s=xyz').params).toMatchObject({
			s: 'xyz',
			py: null,
			tab: 'scenario'
		});
		expect(readQuery('?page=playground&tab=java').notes).toEqual([
			'tab="java" is not one of scenario, python; using scenario.'
		]);
	});

	it('keeps the program in a store, and reads nothing from a blocked or foreign one', () => {
		const map = new Map<string, string>();
		const store = {
			getItem: (k: string) => map.get(k) ?? null,
			setItem: (k: string, v: string) => void map.set(k, v)
		};
		expect(readProgram(store)).toBeNull();
		saveProgram('print(1)', store);
		expect(readProgram(store)).toBe('print(1)');
		map.set('event-loop-lab:playground-python', '{"not": "a program"}');
		expect(readProgram(store)).toBeNull();
		expect(readProgram(null)).toBeNull();
	});
});
