import type { Attachment } from 'svelte/attachments';
import { paletteOf, type Palette } from './palette';
import type { Box } from './chart-draw';

/**
 * An attachment that sizes a canvas to its CSS box at the screen's pixel ratio and paints it
 * with `draw`, again whenever what `draw` reads changes (Svelte tracks it). `theme` is read so a
 * theme change repaints with the new palette.
 */
export function canvasPaint(
	draw: (ctx: CanvasRenderingContext2D, box: Box, pal: Palette) => void,
	size: () => Box,
	theme: () => number
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const ctx = canvas.getContext('2d');
		if (!ctx) return;
		const box = size();
		theme();
		const ratio = window.devicePixelRatio || 1;
		canvas.width = Math.max(1, Math.round(box.width * ratio));
		canvas.height = Math.max(1, Math.round(box.height * ratio));
		canvas.style.width = `${box.width}px`;
		canvas.style.height = `${box.height}px`;
		ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
		ctx.clearRect(0, 0, box.width, box.height);
		draw(ctx, box, paletteOf(canvas.parentElement ?? canvas, ctx));
	};
}
