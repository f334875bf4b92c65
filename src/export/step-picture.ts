import { PALETTES, type Palette, type PictureTheme } from './picture-palette';
import { patternDefs } from './picture-patterns';
import { plainText, wrapText } from './plain-text';
import { el, num, textEl } from './svg-markup';
import { legendPicture, timelinePicture, type Block } from './timeline-picture';
import type { TimelineModel } from '../views/stage/timeline-model';
import { describeTimeline } from '../views/stage/timeline-summary';
import { escapeXml } from './xml';

/** What a picture of one lesson step shows; every string may be untrusted and is escaped. */
export interface StepPictureInput {
	/** The lesson's title as the page heads it, e.g. "6. The gather “deadlock”". */
	title: string;
	/** 1-based. */
	step: number;
	count: number;
	/** The variant's label. */
	variant: string;
	/** The step's moment in ms: where the cursor stands. */
	t: number;
	/** The step's Markdown narration, drawn as wrapped plain text. */
	narration: string;
	/** What the loop is doing at `t`, from `loopStatus`. */
	status: string;
	/** Why the run hangs, once it has. */
	hungReason: string | null;
	timeline: TimelineModel;
}

// Drawing units; the PNG export scales the whole picture, so these are proportions, not pixels.
const WIDTH = 960;
const PAD = 24;
const INNER = WIDTH - 2 * PAD;

/** Lines of text drawn top-down from y = 0, `leading` apart. */
function lines(
	words: string[],
	size: number,
	leading: number,
	attrs: Record<string, string>
): Block {
	const svg = words.map((w, i) =>
		textEl({ x: 0, y: size + i * leading, 'font-size': size, ...attrs }, w)
	);
	return {
		svg: svg.join('\n'),
		height: words.length === 0 ? 0 : size + (words.length - 1) * leading + 4
	};
}

function header(p: StepPictureInput, c: Palette): Block {
	const title = lines(wrapText(p.title, INNER, 20, true), 20, 26, {
		'font-weight': 'bold',
		fill: c.fg
	});
	const where = `Step ${p.step} of ${p.count} · ${p.variant} · t = ${p.t} ms`;
	const sub = lines(wrapText(where, INNER, 13), 13, 18, { fill: c.muted });
	return stack([title, sub], 4);
}

// The narration sits in a panel with an accent edge, as on the lesson page.
function narration(p: StepPictureInput, c: Palette): Block {
	const text = lines(wrapText(plainText(p.narration), INNER - 36, 14), 14, 20, { fill: c.fg });
	const height = text.height + 20;
	const panel = [
		el('rect', { width: INNER, height, rx: 6, fill: c.panel }),
		el('rect', { width: 4, height, fill: c.accent }),
		el('g', { transform: 'translate(18 8)' }, text.svg)
	];
	return { svg: panel.join('\n'), height };
}

function loop(p: StepPictureInput, c: Palette): Block {
	const status = lines(wrapText(`Event loop: ${p.status}`, INNER, 14, true), 14, 20, {
		'font-weight': 'bold',
		fill: c.fg
	});
	if (!p.hungReason) return status;
	const reason = lines(wrapText(`Outcome: hung. ${p.hungReason}`, INNER, 13), 13, 18, {
		fill: c.bad
	});
	return stack([status, reason], 4);
}

/** Blocks one under another, `gap` apart. */
function stack(blocks: Block[], gap: number): Block {
	let y = 0;
	const svg = blocks.map((b) => {
		const placed = el('g', { transform: `translate(0 ${num(y)})` }, b.svg);
		y += b.height + gap;
		return placed;
	});
	return { svg: svg.join('\n'), height: Math.max(0, y - gap) };
}

/**
 * A lesson step as a standalone SVG document for pages that run no scripts: header, narration,
 * the loop's status, the timeline with the step's moment as cursor, and its legend. Self-contained
 * (presentation attributes, generic fonts, nothing external) and deterministic: same input, same bytes.
 */
export function stepPicture(p: StepPictureInput, theme: PictureTheme): string {
	const c = PALETTES[theme];
	const body = stack(
		[
			header(p, c),
			narration(p, c),
			loop(p, c),
			timelinePicture(p.timeline, p.t, INNER, c),
			legendPicture(p.timeline, INNER, c)
		],
		16
	);
	const height = Math.ceil(body.height + 2 * PAD + 14);
	const credit = {
		x: WIDTH - PAD,
		y: height - 12,
		'font-size': 11,
		fill: c.muted,
		'text-anchor': 'end'
	};
	const name = `${p.title}, step ${p.step} of ${p.count}: ${p.variant} at t = ${p.t} ms`;
	const timeline = describeTimeline(p.timeline, p.t, p.variant).description;
	const desc = `${plainText(p.narration)} Event loop: ${p.status} ${timeline}`;
	return (
		el(
			'svg',
			{
				xmlns: 'http://www.w3.org/2000/svg',
				width: WIDTH,
				height,
				viewBox: `0 0 ${WIDTH} ${height}`,
				role: 'img',
				'font-family': 'sans-serif'
			},
			[
				el('title', {}, escapeXml(name)),
				el('desc', {}, escapeXml(desc)),
				el('rect', { width: WIDTH, height, fill: c.bg }),
				patternDefs(c),
				el('g', { transform: `translate(${PAD} ${PAD})` }, body.svg),
				textEl(credit, 'Event Loop Lab')
			].join('\n')
		) + '\n'
	);
}
