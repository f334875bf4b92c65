import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulations/text';
import {
	decodeScenarioLink,
	encodeScenarioLink,
	MAX_LINK,
	MAX_TEXT
} from '../../src/url/scenario-link';
import { scenarioArb } from '../simulations/arbitraries';

// fast-check prints the seed and the shrunk counterexample of any failure; a failing seed
// becomes a named case in the tables below.

/** What a browser hands the page for `?s=<value>` written by URLSearchParams. */
const throughUrl = (value: string) => {
	const q = new URLSearchParams();
	q.set('s', value);
	return new URLSearchParams(`?${q}`).get('s') ?? '';
};

describe('encodeScenarioLink(text) / decodeScenarioLink(value)', () => {
	it('round-trips any string exactly, through a URL query too', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
				const value = encodeScenarioLink(text);
				expect(decodeScenarioLink(value)).toEqual({ ok: true, text });
				expect(decodeScenarioLink(throughUrl(value))).toEqual({ ok: true, text });
			}),
			{ numRuns: 500 }
		);
	});

	it('round-trips valid scenarios to the same text and the same parsed scenario', () => {
		fc.assert(
			fc.property(scenarioArb, fc.constantFrom(0, 2, '\t'), (scenario, indent) => {
				const text = JSON.stringify(scenario, null, indent);
				const back = decodeScenarioLink(throughUrl(encodeScenarioLink(text)));
				expect(back).toEqual({ ok: true, text });
				if (!back.ok) return;
				const parsed = parseScenario(back.text);
				expect(parsed).toEqual(parseScenario(text));
				expect(parsed.ok).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});

	it('writes only URL-safe characters', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				expect(encodeScenarioLink(text)).toMatch(/^[A-Za-z0-9+\-$]*$/);
			})
		);
	});

	const refused: [string, string, RegExp][] = [
		['a value over the limit', 'A'.repeat(MAX_LINK + 1), /at most 100000/],
		['markup', '<img src=x onerror=alert(1)>', /characters a scenario link never has/],
		['a script URL', 'javascript:alert(1)', /characters a scenario link never has/],
		['percent escapes', '%3Cscript%3E', /characters a scenario link never has/],
		['a lone surrogate', '\ud800', /characters a scenario link never has/],
		['a NUL', 'N4Ig\u0000', /characters a scenario link never has/],
		[
			'a cut-short link',
			encodeScenarioLink('{"id": "a-long-enough-scenario"}').slice(0, -4),
			/damaged/
		],
		['a link with extra characters', `${encodeScenarioLink('{}')}AAAA`, /damaged/],
		['letters that decode to nothing', 'abc', /damaged/],
		['the empty value', '', /damaged/],
		['a decompression bomb', encodeScenarioLink('a'.repeat(MAX_TEXT + 1)), /expands to 5000001/]
	];
	for (const [what, value, message] of refused) {
		it(`refuses ${what} with a message that quotes nothing of it`, () => {
			const r = decodeScenarioLink(value);
			expect(r.ok).toBe(false);
			if (r.ok) return;
			expect(r.message).toMatch(message);
			expect(r.message).not.toMatch(/[<>"'&]/);
		});
	}

	it('fuzz: hostile and random values never throw and never hand back markup unasked', () => {
		const hostile = fc.constantFrom(
			'<script>alert(1)</script>',
			'"><svg onload=alert(1)>',
			'<img src=x onerror=alert(1)>',
			'\u202e<b>',
			'{"__proto__": {"polluted": 1}}'
		);
		const value = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc.string({ unit: fc.constantFrom(...'ABCxyz019+-$ '), maxLength: 300 }),
			// A real link, then damaged: cut, extended, or with one character changed.
			fc
				.tuple(fc.string({ maxLength: 200 }), fc.nat(), fc.string({ maxLength: 5 }))
				.map(([t, k, junk]) => {
					const v = encodeScenarioLink(t);
					const at = v.length ? k % v.length : 0;
					return v.slice(0, at) + junk + v.slice(at + 1);
				}),
			// A real link whose text is hostile: it comes back exactly, as text for the page to show.
			hostile.map(encodeScenarioLink)
		);
		fc.assert(
			fc.property(value, (v) => {
				const r = decodeScenarioLink(v);
				if (r.ok) expect(encodeScenarioLink(r.text)).toBe(v.replaceAll(' ', '+'));
				else expect(r.message).not.toMatch(/[<>"'&]/);
			}),
			{ numRuns: 2000 }
		);
	});

	it('refuses a value decompressing past the longest string a browser holds, without throwing', () => {
		// Random letters of the maximum length: lz-string may expand them without bound.
		const rng = fc.sample(
			fc.string({ unit: fc.constantFrom(...'Ab9$'), minLength: MAX_LINK, maxLength: MAX_LINK }),
			{
				seed: 42,
				numRuns: 1
			}
		)[0];
		expect(() => decodeScenarioLink(rng)).not.toThrow();
		expect(decodeScenarioLink(rng).ok).toBe(false);
	});
});
