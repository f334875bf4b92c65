/**
 * Where a scrolled box must scroll so a line (`top` and `height` within its content) is in view
 * with a line's margin above it, or null when it is in view already. Computed instead of
 * `scrollIntoView`, which would also scroll the page and move the stage.
 */
export function lineScrollTop(
	box: { scrollTop: number; height: number },
	line: { top: number; height: number }
): number | null {
	const inView = line.top >= box.scrollTop && line.top + line.height <= box.scrollTop + box.height;
	if (inView) return null;
	return Math.max(0, line.top - line.height);
}
