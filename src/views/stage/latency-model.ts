import type { SimResult, Warning } from '../../../simulations/index';

/** The lag chart's size in SVG units. */
export const LAG_CHART = { width: 320, height: 70 } as const;

/** One request's row: its latency so far as text, and its bar as a share of the longest. */
export interface LatencyRow {
	id: string;
	text: string;
	/** 0 to 100. */
	barPct: number;
}

/** What the latency view shows at a moment: only what has happened by then. */
export interface LatencyAt {
	rows: LatencyRow[];
	answered: number;
	heartbeats: number;
	/** Lag samples so far, placed on the chart. */
	lags: { atMs: number; lagMs: number; x: number; y: number; height: number }[];
	worstLagMs: number | null;
	/** The chart's top, in ms of lag. */
	lagTopMs: number;
	warnings: Warning[];
}

/** Latency, lag and debug warnings of a run as they stand at `cursor` (ms). */
export function latencyAt(result: SimResult, cursor: number): LatencyAt {
	const longest = Math.max(
		1,
		...result.requests.map((q) => (q.endMs ?? result.endMs) - q.arriveMs)
	);
	const rows = result.requests.map((q): LatencyRow => {
		const ms = q.endMs !== null && q.endMs <= cursor ? q.endMs - q.arriveMs : null;
		const text =
			ms === null
				? q.arriveMs <= cursor
					? 'waiting'
					: 'not yet'
				: `${ms} ms${q.status === 'error' ? ' (error)' : ''}`;
		return { id: q.id, text, barPct: ms === null ? 0 : (ms / longest) * 100 };
	});
	const { width: W, height: H } = LAG_CHART;
	const lagTopMs = Math.max(10, ...result.lag.map((l) => l.lagMs));
	const x = (t: number) => 30 + (t / Math.max(1, result.endMs)) * (W - 40);
	const y = (ms: number) => H - 14 - (ms / lagTopMs) * (H - 24);
	const lags = result.lag
		.filter((l) => l.atMs <= cursor)
		.map((l) => ({
			...l,
			x: x(l.atMs) - 2.5,
			y: y(l.lagMs),
			height: Math.max(1, H - 14 - y(l.lagMs))
		}));
	return {
		rows,
		answered: result.requests.filter((q) => q.endMs !== null && q.endMs <= cursor).length,
		heartbeats: result.heartbeats.filter((b) => b <= cursor).length,
		lags,
		worstLagMs: lags.length ? Math.max(...lags.map((l) => l.lagMs)) : null,
		lagTopMs,
		warnings: result.warnings.filter((w) => w.atMs <= cursor)
	};
}
