import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playgroundStart, readDrafts, saveDrafts } from '../../src/state/playground-start';
import { encodeScenarioLink } from '../../src/url/scenario-link';
import { DEFAULTS, readQuery, writeUrl } from '../../src/url/params';

const SAMPLE = '{"sample": true}';
const start = (search: string, saved: { a: string; b: string | null } | null = null) =>
	playgroundStart(readQuery(search).params, saved, SAMPLE);

describe('playgroundStart(url, saved, sample)', () => {
	it("opens the link's scenario and variant B exactly, on the step and variant it names", () => {
		const a = '{"title": "<img src=x onerror=alert(1)>"}';
		const b = '{ "b": 1 }\n';
		const s = new URLSearchParams({ page: 'playground', s: encodeScenarioLink(a) });
		s.set('b', encodeScenarioLink(b));
		const r = start(`?${s}&variant=b&compare=1&step=5&t=40&speed=2`);
		expect(r).toEqual({
			start: { a, b, active: 'b', compare: true, step: 4, moment: 40, speed: 2 },
			notice: null,
			fromLink: true
		});
	});

	it('opens a link that carries A and B in its #fragment, as the playground writes it', () => {
		const a = '{"title": "from the fragment"}';
		const link = writeUrl({
			...DEFAULTS,
			page: 'playground',
			step: 3,
			compare: true,
			s: encodeScenarioLink(a),
			b: encodeScenarioLink('{}')
		});
		const [search, hash] = link.split('#');
		expect(search).toBe('?page=playground&step=3&compare=1');
		const r = playgroundStart(readQuery(search, `#${hash}`).params, null, SAMPLE);
		expect(r).toEqual({
			start: { a, b: '{}', active: 'a', compare: true, step: 2, moment: null, speed: 1 },
			notice: null,
			fromLink: true
		});
	});

	it("opens this tab's drafts when the URL has no scenario, else the sample", () => {
		expect(start('?page=playground', { a: 'mine', b: null }).start.a).toBe('mine');
		expect(start('?page=run').start).toMatchObject({ a: SAMPLE, b: null, active: 'a' });
		expect(start('?page=playground', { a: 'mine', b: null }).fromLink).toBe(false);
	});

	const bad: [string, string, RegExp][] = [
		['malformed', 'not*a*link', /characters a scenario link never has/],
		['cut short', encodeScenarioLink('{"a": "long enough to cut"}').slice(0, -3), /damaged/],
		['oversized', 'A'.repeat(100_001), /at most 100000/]
	];
	for (const [what, value, reason] of bad) {
		it(`says what is wrong with a ${what} link and falls back without losing this tab's drafts`, () => {
			const q = `?page=playground&s=${encodeURIComponent(value)}&variant=b`;
			const fresh = start(q);
			expect(fresh.notice).toMatch(reason);
			expect(fresh.notice).toMatch(/Showing the sample scenario instead/);
			expect(fresh.start).toMatchObject({ a: SAMPLE, b: null, active: 'a' });
			expect(fresh.fromLink).toBe(false);
			expect(start(q, { a: SAMPLE, b: null }).notice).toMatch(/Showing the sample scenario/);
			const kept = start(q, { a: 'typed', b: 'typed b' });
			expect(kept.notice).toMatch(/the scenario you were editing in this tab/);
			expect(kept.start).toMatchObject({ a: 'typed', b: 'typed b', active: 'b' });
		});
	}

	it('keeps A and says so when only variant B is damaged', () => {
		const r = start(`?s=${encodeScenarioLink('A')}&b=%3Cb%3E`);
		expect(r.start).toMatchObject({ a: 'A', b: null });
		expect(r.notice).toMatch(/variant B cannot be opened/);
	});
});

describe('readDrafts(store) / saveDrafts(drafts, store)', () => {
	const memory = () => {
		const m = new Map<string, string>();
		return {
			getItem: (k: string) => m.get(k) ?? null,
			setItem: (k: string, v: string) => void m.set(k, v)
		};
	};

	it('round-trips drafts and reads anything malformed as none', () => {
		const s = memory();
		expect(readDrafts(s)).toBeNull();
		saveDrafts({ a: 'x', b: null }, s);
		expect(readDrafts(s)).toEqual({ a: 'x', b: null });
		for (const junk of ['{', '[]', '{"a": 5}', 'null']) {
			s.setItem('event-loop-lab:playground', junk);
			expect(readDrafts(s)).toBeNull();
		}
	});

	it('never throws when storage is blocked or full', () => {
		const blocked = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(readDrafts(blocked)).toBeNull();
		expect(() => saveDrafts({ a: 'x', b: null }, blocked)).not.toThrow();
	});
});

describe('playgroundStart, fuzzed', () => {
	it('never throws on any query, and its notice never carries markup from the link', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (s, b) => {
				const q = new URLSearchParams({ page: 'playground', s, b, variant: 'b' });
				const r = start(`?${q}`);
				if (r.notice !== null) expect(r.notice).not.toMatch(/[<>]/);
				expect(typeof r.start.a).toBe('string');
			}),
			{ numRuns: 1000 }
		);
	});
});
