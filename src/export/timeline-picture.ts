import { fitText, textWidth } from './plain-text';
import type { Palette } from './picture-palette';
import { pictureFill } from './picture-patterns';
import { el, num, textEl } from './svg-markup';
import {
	FONT,
	FUTURE_VEIL,
	HANDOFF_DASH,
	HANDOFF_LEGEND,
	LABEL,
	NO_WAKE_NOTE,
	ROW,
	futureShade,
	legend,
	layoutTimeline,
	monitored,
	timeScale
} from '../views/stage/timeline-geometry';
import type { TimelineModel } from '../views/stage/timeline-model';

/** A piece of a picture: its markup, drawn from y = 0, and how tall it is. */
export interface Block {
	svg: string;
	height: number;
}

// Room above the lanes for the cursor's "t = … ms" label, which the app shows beside its slider.
const CURSOR_LABEL = 18;

/**
 * The timeline as the app draws it (same geometry, patterns and dimmed future), with the cursor
 * labelled, `width` wide; the picture's root must hold `patternDefs`.
 */
export function timelinePicture(
	t: TimelineModel,
	cursor: number,
	width: number,
	c: Palette
): Block {
	const x = timeScale(t.endMs, width);
	const g = layoutTimeline(t, x, width);
	const small = { 'font-size': FONT, fill: c.fg };
	const marks: string[] = [];
	for (const lane of g.lanes) {
		const name = fitText(lane.label, LABEL - 8, FONT);
		marks.push(textEl({ x: 4, y: lane.y + ROW - 4, ...small }, name));
		for (const b of lane.bars) {
			const bar = { x: b.x, y: lane.y, width: b.width, height: ROW };
			marks.push(el('rect', { ...bar, fill: pictureFill(b.state, c) }));
		}
	}
	if (g.more)
		marks.push(textEl({ x: 4, y: g.more.y + ROW - 4, ...small, fill: c.muted }, g.more.text));
	if (g.monitors) {
		marks.push(textEl({ x: 4, y: g.monitors.beatY + ROW - 4, ...small }, 'heartbeat'));
		for (const b of g.beats)
			marks.push(el('circle', { cx: b.cx, cy: b.cy, r: 4, fill: c.lanes.awaiting, stroke: c.fg }));
		marks.push(textEl({ x: 4, y: g.monitors.lagY + ROW - 4, ...small }, 'lag'));
		for (const l of g.lags)
			marks.push(el('rect', { x: l.x, y: l.y, width: 4, height: l.height, fill: c.lanes.blocked }));
	}
	for (const h of g.handoffs) {
		const dash = HANDOFF_DASH[h.kind];
		const line = { x1: h.x, x2: h.x, y1: h.y1, y2: h.y2 };
		marks.push(el('line', { ...line, stroke: c.bg, 'stroke-width': 4 }));
		const arrow = { stroke: c.fg, 'stroke-width': 1.5, 'stroke-dasharray': dash };
		marks.push(el('line', { ...line, ...arrow, 'marker-end': 'url(#handoff-arrow)' }));
		if (h.woke)
			marks.push(el('circle', { cx: h.x, cy: h.y2, r: 3.5, fill: c.accent, stroke: c.bg }));
	}
	for (const tick of g.ticks) {
		marks.push(
			el('line', {
				x1: tick.x,
				x2: tick.x,
				y1: 0,
				y2: g.axisY,
				stroke: c.border,
				'stroke-width': 0.5
			})
		);
		const label = {
			x: tick.x,
			y: g.axisY + FONT + 3,
			'font-size': FONT,
			fill: c.muted,
			'text-anchor': tick.anchor
		};
		marks.push(textEl(label, String(tick.value)));
	}
	const unit = { x: 4, y: g.axisY + FONT + 3, 'font-size': FONT, fill: c.muted };
	marks.push(textEl(unit, 'time (ms)'));
	const hung = () => {
		if (!g.hung) return;
		const { x: hx, width: hw, labelX } = g.hung;
		const veil = { x: hx, y: 0, width: hw, height: g.axisY, fill: c.bg, opacity: 0.45 };
		marks.push(el('rect', { ...veil, stroke: c.bad, 'stroke-dasharray': '4 3' }));
		const label = {
			x: labelX,
			y: g.axisY - 4,
			'font-size': FONT,
			fill: c.bad,
			'text-anchor': 'end'
		};
		marks.push(textEl(label, 'hung: stays like this'));
	};
	// The hang is veiled with the rest of the future until the cursor reaches it.
	const hungKnown = t.hungAtMs !== null && cursor >= t.hungAtMs;
	if (!hungKnown) hung();
	const shade = futureShade(x, cursor, g.axisY, t.hungAtMs);
	const veil = { x: shade.x, width: shade.width, height: shade.height };
	marks.push(el('rect', { ...veil, y: 0, fill: c.bg, opacity: FUTURE_VEIL }));
	if (hungKnown) hung();
	// Over the veil: a note is written only once its hand-off has happened.
	for (const { note, at } of g.handoffs) {
		if (!note || at > cursor) continue;
		const words = {
			x: note.x,
			y: note.y,
			...small,
			'font-weight': 'bold',
			'text-anchor': note.anchor
		};
		const halo = { stroke: c.bg, 'stroke-width': 3, 'paint-order': 'stroke' };
		marks.push(textEl({ ...words, ...halo }, NO_WAKE_NOTE));
	}
	const cx = shade.x;
	marks.push(
		el('line', { x1: cx, x2: cx, y1: -4, y2: g.axisY, stroke: c.accent, 'stroke-width': 2 })
	);
	const words = `t = ${cursor} ms`;
	// Centred on the cursor, but kept inside the drawing at either end.
	const half = textWidth(words, FONT, true) / 2;
	const labelX = Math.min(width - half, Math.max(LABEL + half, cx));
	const cursorLabel = {
		x: labelX,
		y: -7,
		'font-size': FONT,
		'font-weight': 'bold',
		fill: c.accent
	};
	marks.push(textEl({ ...cursorLabel, 'text-anchor': 'middle' }, words));
	return {
		svg: el('g', { transform: `translate(0 ${CURSOR_LABEL})` }, marks.join('\n')),
		height: CURSOR_LABEL + g.height
	};
}

/** The legend under the timeline, its entries flowing into rows `width` wide. */
export function legendPicture(t: TimelineModel, width: number, c: Palette): Block {
	const swatch = (fill: string) => el('rect', { y: 1, width: 16, height: 12, fill });
	const entries: [string, string][] = legend([t]).map(([state, words]) => [
		swatch(pictureFill(state, c)),
		words
	]);
	if (t.handoffs.length > 0)
		for (const { dash, wake, words } of HANDOFF_LEGEND) {
			const arrow = el('line', {
				x1: 1,
				x2: 14,
				y1: 7,
				y2: 7,
				stroke: c.fg,
				'stroke-width': 1.5,
				'stroke-dasharray': dash,
				'marker-end': 'url(#handoff-arrow)'
			});
			const dot = el('circle', { cx: 14, cy: 7, r: 3, fill: c.accent, stroke: c.bg });
			entries.push([wake ? `${arrow}\n${dot}` : arrow, words]);
		}
	if (monitored(t)) {
		entries.push([el('circle', { cx: 7, cy: 7, r: 4, fill: c.lanes.awaiting }), 'heartbeat ran']);
		entries.push([
			el('rect', { x: 5, y: 2, width: 5, height: 10, fill: c.lanes.blocked }),
			'lag sample'
		]);
	}
	entries.push([
		el('rect', { x: 6, y: 0, width: 2, height: 14, fill: c.accent }),
		"the step's moment; after it, dimmed: still to come"
	]);
	const marks: string[] = [];
	let x = 0;
	let y = 0;
	for (const [mark, words] of entries) {
		const w = 20 + textWidth(words, 12) + 16;
		if (x > 0 && x + w > width) {
			x = 0;
			y += 20;
		}
		marks.push(
			el(
				'g',
				{ transform: `translate(${num(x)} ${num(y)})` },
				`${mark}\n${textEl({ x: 20, y: 11, 'font-size': 12, fill: c.fg }, words)}`
			)
		);
		x += w;
	}
	return { svg: el('g', {}, marks.join('\n')), height: y + 16 };
}
