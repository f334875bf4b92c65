import { LANE_STATES, STATE_STYLE, type LaneState } from '../stage/state-style';

// The canvas views paint with the page's own tokens and the state patterns of state-style.ts, so
// a state looks the same on a canvas as in the SVG views, in either theme.

/** Colours and fills a canvas view paints with, resolved for the theme on show. */
export interface Palette {
	fg: string;
	muted: string;
	border: string;
	bg: string;
	accent: string;
	/** Each state's fill: its pattern (over its colour), or its colour when solid. */
	fill: Record<LaneState, string | CanvasPattern>;
	/** Each state's plain colour, for lines. */
	colour: Record<LaneState, string>;
}

// A custom property holding light-dark() is not resolved by getPropertyValue; a colour is. The
// probe leaves the host with `done`, or every repaint would leave one behind.
function resolver(host: HTMLElement): { token: (token: string) => string; done: () => void } {
	const probe = document.createElement('span');
	probe.style.display = 'none';
	host.append(probe);
	return {
		token: (token) => {
			probe.style.color = `var(${token})`;
			return getComputedStyle(probe).color;
		},
		done: () => probe.remove()
	};
}

/** A state pattern's tile painted on a small canvas, as a repeating fill. */
function patternOf(
	ctx: CanvasRenderingContext2D,
	state: LaneState,
	colour: string,
	ink: (which: 'alarm' | 'mark') => string
): string | CanvasPattern {
	const p = STATE_STYLE[state].pattern;
	if (!p) return colour;
	const tile = document.createElement('canvas');
	tile.width = tile.height = p.size;
	const t = tile.getContext('2d');
	if (!t) return colour;
	t.fillStyle = colour;
	t.fillRect(0, 0, p.size, p.size);
	t.globalAlpha = p.opacity;
	t.strokeStyle = t.fillStyle = ink(p.ink);
	for (const m of p.marks) {
		t.beginPath();
		if (m.tag === 'line') {
			t.lineWidth = m.width;
			t.moveTo(m.x1, m.y1);
			t.lineTo(m.x2, m.y2);
			t.stroke();
		} else {
			t.arc(m.cx, m.cy, m.r, 0, Math.PI * 2);
			t.fill();
		}
	}
	const pattern = ctx.createPattern(tile, 'repeat');
	pattern?.setTransform(new DOMMatrix().rotate(p.rotate));
	return pattern ?? colour;
}

/** The palette of the theme `host` is drawn in, its patterns made with `ctx`. */
function readPalette(host: HTMLElement, ctx: CanvasRenderingContext2D): Palette {
	const { token, done } = resolver(host);
	const ink = (which: 'alarm' | 'mark') => token(`--pattern-${which}-ink`);
	const colour = Object.fromEntries(
		LANE_STATES.map((s) => [s, token(STATE_STYLE[s].token)])
	) as Palette['colour'];
	const fill = Object.fromEntries(
		LANE_STATES.map((s) => [s, patternOf(ctx, s, colour[s], ink)])
	) as Palette['fill'];
	const palette = {
		fg: token('--fg'),
		muted: token('--muted'),
		border: token('--border'),
		bg: token('--bg'),
		accent: token('--accent'),
		fill,
		colour
	};
	done();
	return palette;
}

// One palette per document (or shadow root) and theme: a view of a service paints a dozen canvases.
const palettes = new WeakMap<Node, { theme: string; palette: Palette }>();

/**
 * The palette of the theme `host` is drawn in, read once per theme: its patterns, made with the
 * first canvas's `ctx`, fill any canvas.
 */
export function paletteOf(host: HTMLElement, ctx: CanvasRenderingContext2D): Palette {
	const { token, done } = resolver(host);
	const theme = `${token('--bg')} ${token('--fg')}`;
	done();
	const root = host.getRootNode();
	const known = palettes.get(root);
	if (known?.theme === theme) return known.palette;
	const palette = readPalette(host, ctx);
	palettes.set(root, { theme, palette });
	return palette;
}

/**
 * Calls `changed` whenever the theme may have changed: the theme switch (data-theme on the root)
 * or the system's scheme. Returns the way to stop listening.
 */
export function onThemeChange(changed: () => void): () => void {
	const media = matchMedia('(prefers-color-scheme: dark)');
	const observer = new MutationObserver(changed);
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	media.addEventListener('change', changed);
	return () => {
		observer.disconnect();
		media.removeEventListener('change', changed);
	};
}
