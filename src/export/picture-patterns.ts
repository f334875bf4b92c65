import type { Palette } from './picture-palette';
import { el } from './svg-markup';
import { STATE_STYLE, type LaneState } from '../views/stage/state-style';

/** A state's fill in a picture: its pattern (defined by `patternDefs`), or its colour when solid. */
export function pictureFill(state: LaneState, c: Palette): string {
	const pattern = STATE_STYLE[state].pattern;
	return pattern ? `url(#${pattern.id})` : c.lanes[state];
}

/**
 * The state patterns and the hand-off arrowhead as the page's StatePatterns.svelte draws them,
 * from the same table, with the palette's colours written in (a picture has no CSS variables).
 */
export function patternDefs(c: Palette): string {
	const patterns = Object.entries(STATE_STYLE).flatMap(([state, s]) => {
		const p = s.pattern;
		if (!p) return [];
		const ink = c.ink[p.ink];
		const marks = p.marks.map((m) =>
			m.tag === 'line'
				? el('line', { ...m, tag: null, width: null, 'stroke-width': m.width })
				: el('circle', { ...m, tag: null, stroke: 'none' })
		);
		const tile = { width: p.size, height: p.size };
		return el(
			'pattern',
			{
				id: p.id,
				patternUnits: 'userSpaceOnUse',
				...tile,
				patternTransform: `rotate(${p.rotate})`
			},
			[
				el('rect', { ...tile, fill: c.lanes[state as LaneState], 'shape-rendering': 'crispEdges' }),
				el('g', { stroke: ink, fill: ink, opacity: p.opacity }, marks.join('\n'))
			].join('\n')
		);
	});
	const arrow = el(
		'marker',
		{
			id: 'handoff-arrow',
			viewBox: '0 0 8 8',
			refX: 7,
			refY: 4,
			markerWidth: 5,
			markerHeight: 5,
			orient: 'auto-start-reverse'
		},
		el('path', { d: 'M0 0 L8 4 L0 8 z', fill: c.fg })
	);
	return el('defs', {}, [...patterns, arrow].join('\n'));
}
