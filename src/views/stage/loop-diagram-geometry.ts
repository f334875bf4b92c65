/** A rectangle in the diagram's pixels. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Where each part of the `_run_once` diagram goes at one width (1 unit = 1 CSS pixel). */
export interface DiagramGeometry {
	width: number;
	height: number;
	/** The four steps of the cycle, in order. */
	steps: Box[];
	selector: Box;
	queue: Box;
	running: Box;
	timers: Box;
	/** How many unread requests the selector box lists one per line (0: it names them in one line). */
	unreadFit: number;
	/** Queue entries: how wide each is and how many fit in a row before "+n more". */
	chip: { w: number; h: number; fit: number };
}

/** Below this width the parts stack in one column (a phone). */
export const STACK_BELOW = 600;
const GAP = 8;
const PAD = 10;
const TITLE = 22;
const CHIP = { w: 104, h: 26 };
/** Average advance of a 13 px monospace character, for fitting names without measuring text. */
export const CHAR_PX = 7.9;

const TIMER_ROW = 20;

/** Height of the wide layout's boxes (below the cycle), which the timer rows must fit. */
const WIDE_BOX_H = 196;

/**
 * The y offset of each timer's row inside the timer box (a late timer takes a second line), of
 * the "+n more" line, and the box's height. At `width` >= STACK_BELOW the rows stop where the
 * box ends: `y` then holds fewer rows than `late`, and the rest count as more.
 */
export function timerRows(
	late: readonly boolean[],
	width: number
): { y: number[]; moreY: number; h: number } {
	const limit = width >= STACK_BELOW ? WIDE_BOX_H - PAD - TIMER_ROW : Infinity;
	const y: number[] = [];
	let at = TITLE + PAD + 10;
	for (const l of late) {
		const next = at + (l ? 2 * TIMER_ROW : TIMER_ROW);
		if (next > limit && y.length < late.length - 1) break;
		y.push(at);
		at = next;
	}
	return { y, moreY: at, h: Math.max(at + TIMER_ROW, TITLE + PAD + 10 + TIMER_ROW) + PAD };
}

/**
 * Lays the diagram out for a container `width` px wide; text stays 13 px at every width.
 * `timersH` is the timer box's height from `timerRows` (the stacked layout grows with it).
 */
export function diagramGeometry(width: number, timersH: number): DiagramGeometry {
	const w = Math.max(280, Math.round(width));
	if (w < STACK_BELOW) {
		const stepW = (w - GAP) / 2;
		const steps = [0, 1, 2, 3].map((i) => ({
			x: (i % 2) * (stepW + GAP),
			y: Math.floor(i / 2) * 38,
			w: stepW,
			h: 32
		}));
		const selector = { x: 0, y: 84, w, h: 96 };
		const queue = { x: 0, y: selector.y + selector.h + GAP, w, h: 104 };
		const running = { x: 0, y: queue.y + queue.h + GAP, w, h: 90 };
		const timers = { x: 0, y: running.y + running.h + GAP, w, h: timersH };
		return {
			width: w,
			height: timers.y + timers.h + 2,
			steps,
			selector,
			queue,
			running,
			timers,
			unreadFit: 0,
			chip: chip(w)
		};
	}
	const stepW = (w - 3 * GAP - 64) / 4;
	const steps = [0, 1, 2, 3].map((i) => ({ x: i * (stepW + GAP), y: 0, w: stepW, h: 32 }));
	const top = 40;
	const boxH = WIDE_BOX_H;
	const selW = Math.round(w * 0.22);
	const timW = Math.round(w * 0.3);
	const selector = { x: 0, y: top, w: selW, h: boxH };
	const midW = w - selW - timW - 2 * GAP;
	const queue = { x: selW + GAP, y: top, w: midW, h: 100 };
	const running = { x: queue.x, y: top + queue.h + GAP, w: midW, h: boxH - queue.h - GAP };
	const timers = { x: w - timW, y: top, w: timW, h: boxH };
	return {
		width: w,
		height: top + boxH + 2,
		steps,
		selector,
		queue,
		running,
		timers,
		// Below the words and the "unread requests:" line, one 24 px line each, and a "+n more" line.
		unreadFit: Math.floor((boxH - 90 - 20) / 24),
		chip: chip(midW)
	};
}

function chip(boxW: number) {
	const w = Math.min(CHIP.w, (boxW - 2 * PAD - GAP) / 2);
	return { w, h: CHIP.h, fit: Math.max(1, Math.floor((boxW - 2 * PAD + 6) / (w + 6))) };
}

/** Shortens `text` to fit `px` pixels of 13 px monospace, ending in "…" when cut. */
export function ellipsize(text: string, px: number): string {
	const max = Math.max(2, Math.floor(px / CHAR_PX));
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Breaks `text` into lines of at most `px` pixels at spaces, keeping at most `lines` lines. */
export function wrap(text: string, px: number, lines: number): string[] {
	const max = Math.max(4, Math.floor(px / CHAR_PX));
	const out: string[] = [];
	for (const word of text.split(' ')) {
		const last = out.length - 1;
		if (last >= 0 && out[last].length + 1 + word.length <= max) out[last] += ` ${word}`;
		else out.push(word);
	}
	return out.length <= lines
		? out
		: [...out.slice(0, lines - 1), ellipsize(out.slice(lines - 1).join(' '), px)];
}

/** Where the ready queue's entries go: the batch first, then a divider, then what arrived during it. */
export interface QueueLayout {
	slots: { x: number; y: number }[];
	/** Entries not drawn for lack of room ("+n more"), and where that note goes. */
	more: { n: number; x: number; y: number } | null;
	divider: { x: number; y: number } | null;
}

const ROWS = 2;
const DIVIDER = 14;

/** Flows `batch` then `later` entries into the queue box's rows, left to right. */
export function queueLayout(g: DiagramGeometry, batch: number, later: number): QueueLayout {
	const { w } = g.chip;
	const x0 = g.queue.x + PAD;
	const right = g.queue.x + g.queue.w - PAD;
	const slots: { x: number; y: number }[] = [];
	let x = x0;
	let row = 0;
	let divider: QueueLayout['divider'] = null;
	const total = batch + later;
	for (let i = 0; i < total; i++) {
		if (i === batch && batch > 0) {
			divider = { x: x + DIVIDER / 2 - 3, y: rowY(g, row) };
			x += DIVIDER;
		}
		if (x + w > right) {
			row++;
			x = x0;
		}
		// The last row keeps room for the "+n more" note when entries are left over.
		const reserve = row === ROWS - 1 && i < total - 1 && x + 2 * w + 6 > right;
		if (row >= ROWS || reserve) {
			return { slots, more: { n: total - i, x, y: rowY(g, Math.min(row, ROWS - 1)) }, divider };
		}
		slots.push({ x, y: rowY(g, row) });
		x += w + 6;
	}
	return { slots, more: null, divider };
}

const rowY = (g: DiagramGeometry, row: number) => g.queue.y + TITLE + PAD + row * (g.chip.h + 8);
