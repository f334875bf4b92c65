import { readFileSync } from 'node:fs';
import {
	differenceCiede2000,
	filterDeficiencyDeuter,
	filterDeficiencyProt,
	filterDeficiencyTrit,
	parse,
	type Color
} from 'culori';
import { describe, expect, it } from 'vitest';
import { LANE_STATES, STATE_STYLE, type LaneState } from '../../src/views/stage/state-style';

// Every pair of timeline states must stay apart for everyone: by ΔE2000 >= 15 after simulating
// each colour-vision deficiency (Machado et al. 2009, severity 1, as culori implements it), or
// by a different pattern. Against the background there is no pattern to help: colour only.
const MIN_DELTA_E = 15;
const deltaE = differenceCiede2000();
const VISION: Record<string, (c: Color) => Color> = {
	'typical vision': (c) => c,
	deuteranopia: filterDeficiencyDeuter(1),
	protanopia: filterDeficiencyProt(1),
	tritanopia: filterDeficiencyTrit(1)
};

const css = readFileSync('src/app.css', 'utf8');
/** `--name: light-dark(#light, #dark);` from app.css, as [light, dark]. */
function token(name: string): [string, string] {
	const m = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`).exec(css);
	if (!m) throw new Error(`app.css has no ${name}: light-dark(#…, #…)`);
	return [m[1], m[2]];
}

type Palette = Record<LaneState, string>;
type Patterns = Record<LaneState, string | null>;

/** What makes two states (or a state and the background) hard to tell apart, in words. */
function paletteProblems(states: Palette, patterns: Patterns, backgrounds: string[]): string[] {
	const problems: string[] = [];
	const names = Object.keys(states) as LaneState[];
	for (const [vision, see] of Object.entries(VISION)) {
		const seen = (hex: string) => see(parse(hex) as Color);
		names.forEach((a, i) => {
			for (const b of names.slice(i + 1)) {
				const d = deltaE(seen(states[a]), seen(states[b]));
				if (d < MIN_DELTA_E && patterns[a] === patterns[b])
					problems.push(`${a}/${b}: ΔE ${d.toFixed(1)} under ${vision}, same pattern`);
			}
			for (const bg of backgrounds) {
				const d = deltaE(seen(states[a]), seen(bg));
				if (d < MIN_DELTA_E) problems.push(`${a} on ${bg}: ΔE ${d.toFixed(1)} under ${vision}`);
			}
		});
	}
	return problems;
}

const patterns = Object.fromEntries(
	LANE_STATES.map((s) => [s, STATE_STYLE[s].pattern?.id ?? null])
) as Patterns;
const themes = { light: 0, dark: 1 } as const;

describe('the state palette in app.css', () => {
	for (const [theme, i] of Object.entries(themes)) {
		it(`keeps every state apart, and off the panel and page, in the ${theme} theme`, () => {
			const states = Object.fromEntries(
				LANE_STATES.map((s) => [s, token(STATE_STYLE[s].token)[i]])
			) as Palette;
			const backgrounds = [token('--bg')[i], token('--panel')[i]];
			expect(paletteProblems(states, patterns, backgrounds)).toEqual([]);
		});
	}

	it('gives no two states the same pattern, so the solid ones are the only colour-only pairs', () => {
		const ids = Object.values(patterns).filter((p) => p !== null);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has every pattern drawn by StatePatterns.svelte from the same table', () => {
		const source = readFileSync('src/views/stage/StatePatterns.svelte', 'utf8');
		expect(source).toContain('STATE_STYLE');
		expect(source).toMatch(/id=\{p\.id\}/);
	});
});

describe('paletteProblems()', () => {
	it('finds the olive that blocked, awaiting and GIL wait became under deuteranopia', () => {
		const solid = Object.fromEntries(LANE_STATES.map((s) => [s, null])) as Patterns;
		const old: Palette = {
			running: '#1d5fd0',
			blocked: '#c0262d',
			'thread-blocked': '#c0262d',
			gil: '#b35c00',
			awaiting: '#2e8540',
			queued: '#8792a2',
			asleep: '#2c323b'
		};
		const found = paletteProblems(old, solid, ['#121417']);
		expect(found).toContain('blocked/thread-blocked: ΔE 0.0 under typical vision, same pattern');
		expect(found.some((p) => p.startsWith('blocked/awaiting') && p.includes('deuteranopia'))).toBe(
			true
		);
		expect(found.some((p) => p.startsWith('asleep on #121417'))).toBe(true);
		// A pattern tells apart what colour cannot.
		const patterned = { ...solid, blocked: 'pat-blocked', gil: 'pat-gil' };
		expect(paletteProblems(old, patterned, []).some((p) => p.startsWith('blocked/awaiting'))).toBe(
			false
		);
	});
});
