import type { Palette } from './palette';
import type { ServicePanels } from './service-panels';

// Painting the service panels on canvas: one column per bin, so a run of any size costs the
// same few hundred rectangles. Sizes are CSS pixels; the caller scales the context for the screen.

/** A canvas's drawing area in CSS pixels. */
export interface Box {
	width: number;
	height: number;
}

/** The window's time to x in the canvas, for what sits at exact times (lag samples). */
type TimeX = (ms: number) => number;

/** Space kept above the tallest bar, so the top value's gridline stays visible. */
const PAD = 3;

const yOf = (box: Box, top: number) => (v: number) =>
	box.height - (Math.max(0, v) / top) * (box.height - PAD);

function baseline(ctx: CanvasRenderingContext2D, box: Box, pal: Palette) {
	ctx.fillStyle = pal.border;
	ctx.fillRect(0, box.height - 1, box.width, 1);
	ctx.fillRect(0, PAD - 1, box.width, 0.5);
}

/** Filled columns, one per bin, to `values[k]` of `top`. */
function columns(
	ctx: CanvasRenderingContext2D,
	box: Box,
	values: readonly number[],
	top: number,
	fill: string | CanvasPattern
) {
	const w = box.width / values.length;
	const y = yOf(box, top);
	ctx.fillStyle = fill;
	for (let k = 0; k < values.length; k++) {
		if (values[k] <= 0) continue;
		const yk = y(values[k]);
		ctx.fillRect(k * w, yk, w + 0.5, box.height - yk);
	}
}

/** A line through the bins' middles; null values break it. */
function line(
	ctx: CanvasRenderingContext2D,
	box: Box,
	values: readonly (number | null)[],
	top: number,
	stroke: string,
	width: number,
	dash: number[] = []
) {
	const w = box.width / values.length;
	const y = yOf(box, top);
	ctx.strokeStyle = stroke;
	ctx.lineWidth = width;
	ctx.setLineDash(dash);
	ctx.beginPath();
	let open = false;
	values.forEach((v, k) => {
		if (v === null) return void (open = false);
		const x = (k + 0.5) * w;
		if (open) ctx.lineTo(x, y(v));
		else ctx.moveTo(x, y(v));
		// A lone point still shows: a short flat stroke across its bin.
		if (!open) ctx.lineTo(x + Math.max(1, w / 2), y(v));
		open = true;
	});
	ctx.stroke();
	ctx.setLineDash([]);
}

/** The line styles of the percentiles, shared with the legend. */
export const PERCENTILE_LOOK = {
	p50: { state: 'awaiting', width: 1.5, dash: [] },
	p95: { state: 'gil', width: 2, dash: [5, 3] },
	p99: { state: 'blocked', width: 2.5, dash: [] }
} as const;

/** The panels on the time axis. */
export type PanelId = 'queues' | 'inFlight' | 'latency' | 'loop' | 'lag' | 'pool';

/** Paints one panel of the window's bins; `x` places what sits at exact times. */
type Painter = (
	ctx: CanvasRenderingContext2D,
	box: Box,
	p: ServicePanels,
	pal: Palette,
	x: TimeX
) => void;

/** Each panel's painter, by the panel's id. */
export const PAINT: Record<PanelId, Painter> = {
	queues(ctx: CanvasRenderingContext2D, box: Box, p: ServicePanels, pal: Palette) {
		baseline(ctx, box, pal);
		columns(ctx, box, p.queues.door.max, p.queues.top, pal.fill.queued);
		line(ctx, box, p.queues.ready.max, p.queues.top, pal.colour.running, 2);
	},
	inFlight(ctx: CanvasRenderingContext2D, box: Box, p: ServicePanels, pal: Palette) {
		baseline(ctx, box, pal);
		columns(ctx, box, p.inFlight.binned.max, p.inFlight.top, pal.fill.awaiting);
	},
	latency(ctx: CanvasRenderingContext2D, box: Box, p: ServicePanels, pal: Palette) {
		baseline(ctx, box, pal);
		// The widest first, so where they meet the narrower lines still show on top.
		for (const key of ['p99', 'p95', 'p50'] as const) {
			const look = PERCENTILE_LOOK[key];
			const values = p.latency.bins.map((b) => (b ? b[key] : null));
			line(ctx, box, values, p.latency.top, pal.colour[look.state], look.width, [...look.dash]);
		}
	},
	loop(ctx: CanvasRenderingContext2D, box: Box, p: ServicePanels, pal: Palette) {
		const w = box.width / p.loop.length;
		p.loop.forEach((s, k) => {
			const all = s.busy + s.blocked + s.idle;
			if (all <= 0) return;
			let y = box.height;
			for (const [share, state] of [
				['blocked', 'blocked'],
				['busy', 'running'],
				['idle', 'asleep']
			] as const) {
				const h = (s[share] / all) * box.height;
				ctx.fillStyle = pal.fill[state];
				ctx.fillRect(k * w, y - h, w + 0.5, h);
				y -= h;
			}
		});
	},
	lag(ctx: CanvasRenderingContext2D, box: Box, p: ServicePanels, pal: Palette, x: TimeX) {
		baseline(ctx, box, pal);
		const y = yOf(box, p.lag.top);
		ctx.fillStyle = pal.fill.blocked;
		for (const l of p.lag.samples)
			ctx.fillRect(x(l.atMs) - 2, y(l.lagMs), 4, box.height - y(l.lagMs));
	},
	pool(ctx: CanvasRenderingContext2D, box: Box, p: ServicePanels, pal: Palette) {
		baseline(ctx, box, pal);
		columns(ctx, box, p.pool.binned.mean, p.pool.size, pal.fill['thread-blocked']);
		line(ctx, box, p.pool.binned.max, p.pool.size, pal.colour.running, 1.5);
	}
};
