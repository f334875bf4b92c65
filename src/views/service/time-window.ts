// The span of time the service views show: all of the run, or a part zoomed into and panned.

/** From `from` to `to` ms, within a run of `endMs`. */
export interface TimeWindow {
	from: number;
	to: number;
}

/** The narrowest window zoom goes to (ms): a few callbacks wide. */
export const MIN_SPAN_MS = 5;

/** The whole run. */
export function wholeRun(endMs: number): TimeWindow {
	return { from: 0, to: Math.max(1, endMs) };
}

/** Moves a window of the same span to start at `from`, kept inside [0, endMs]. */
function placed(from: number, span: number, endMs: number): TimeWindow {
	const end = Math.max(1, endMs);
	const s = Math.min(span, end);
	const start = Math.max(0, Math.min(end - s, from));
	return { from: start, to: start + s };
}

/**
 * Zooms by `factor` (2: twice as close, 0.5: twice as far) around `at` ms, which stays where it
 * is on screen; never closer than MIN_SPAN_MS, never wider than the run.
 */
export function zoom(w: TimeWindow, factor: number, at: number, endMs: number): TimeWindow {
	const span = w.to - w.from;
	const next = Math.max(MIN_SPAN_MS, Math.min(Math.max(1, endMs), span / factor));
	const share = span > 0 ? (at - w.from) / span : 0.5;
	return placed(at - share * next, next, endMs);
}

/** Pans by `ms` (negative: earlier), keeping the span, inside the run. */
export function pan(w: TimeWindow, ms: number, endMs: number): TimeWindow {
	return placed(w.from + ms, w.to - w.from, endMs);
}

/** The window moved just enough to show `t` (the cursor), with a tenth of its span to spare. */
export function follow(w: TimeWindow, t: number, endMs: number): TimeWindow {
	const span = w.to - w.from;
	if (t >= w.from && t <= w.to) return w;
	return placed(t < w.from ? t - span * 0.1 : t - span * 0.9, span, endMs);
}

/** Whether the window shows the whole run. */
export function isWhole(w: TimeWindow, endMs: number): boolean {
	return w.from <= 0 && w.to >= Math.max(1, endMs);
}

/** A window's x scale: ms to x across [left, right], and back. */
export function windowScale(w: TimeWindow, left: number, right: number) {
	const span = Math.max(1e-9, w.to - w.from);
	const px = right - left;
	const x = (ms: number) => left + ((ms - w.from) / span) * px;
	x.invert = (px_: number) => w.from + ((px_ - left) / px) * span;
	return x;
}
