import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTES, type Palette } from '../../src/export/picture-palette';

// The app's colours, read from app.css: `--name: light-dark(#light, #dark);`.
const css = readFileSync('src/app.css', 'utf8');
const variable = (name: string) => {
	const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]+),\\s*(#[0-9a-f]+)\\)`).exec(css);
	if (!m) throw new Error(`app.css has no --${name}: light-dark(...)`);
	return { light: m[1], dark: m[2] };
};

describe('PALETTES', () => {
	for (const theme of ['light', 'dark'] as const) {
		it(`PALETTES.${theme} has app.css's ${theme} colours, lanes from --state-*, inks from --pattern-*-ink`, () => {
			const p: Palette = PALETTES[theme];
			for (const role of ['bg', 'fg', 'muted', 'panel', 'border', 'accent', 'bad'] as const)
				expect(p[role], role).toBe(variable(role)[theme]);
			for (const [state, colour] of Object.entries(p.lanes))
				expect(colour, state).toBe(variable(`state-${state}`)[theme]);
			for (const [ink, colour] of Object.entries(p.ink))
				expect(colour, ink).toBe(variable(`pattern-${ink}-ink`)[theme]);
		});
	}
});
