/**
 * The narration box's height (px) for a lesson: tall enough for its longest step (`textPx`, as
 * laid out at the box's width, half a pixel of rounding forgiven) between `minLines` and
 * `maxLines` lines of `linePx`, plus `paddingPx`. One height for every step, so stepping never
 * moves what is below the box; a step longer than the most scrolls inside.
 */
export function narrationHeight(
	textPx: number,
	linePx: number,
	paddingPx: number,
	minLines: number,
	maxLines: number
): number {
	const lines = Math.min(maxLines, Math.max(minLines, Math.ceil((textPx - 0.5) / linePx)));
	return Math.ceil(lines * linePx + paddingPx);
}
