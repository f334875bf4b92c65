import type { SimResult } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';

/**
 * A latency or lag as the latency view writes it: to a tenth of a millisecond, so the engine's
 * float sums (200.00000001) read as the 200 ms they are.
 */
export const latencyMs = (ms: number): string => formatMs(ms, 1);

/** The lag chart's size in SVG units, and where its time axis starts. */
export const LAG_CHART = { width: 320, height: 70, left: 48 } as const;

/** One request's row: its latency so far as text, and its bar as a share of the longest. */
export interface LatencyRow {
	id: string;
	text: string;
	/** 0 to 100. */
	barPct: number;
	/** Arrived and not answered yet: the bar is how long it has waited so far. */
	waiting: boolean;
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
}

const highest = (values: readonly number[], floor: number) =>
	values.reduce((a, b) => (b > a ? b : a), floor);

/**
 * Latency and lag of a run as they stand at `cursor` (ms). Scales too come only
 * from what has happened by then, so neither a bar nor the lag chart's top gives the outcome away.
 * With `slowest`, the rows are only that many of the longest so far (arrived requests, longest
 * first): a service's table stays a few rows long.
 */
export function latencyAt(result: SimResult, cursor: number, slowest?: number): LatencyAt {
	const sofar = result.requests.map((q) => {
		const done = q.endMs !== null && q.endMs <= cursor;
		const ms = done ? (q.endMs ?? 0) - q.arriveMs : Math.max(0, cursor - q.arriveMs);
		return { q, done, arrived: q.arriveMs <= cursor, ms };
	});
	const longest = highest(
		sofar.filter((r) => r.arrived).map((r) => r.ms),
		1
	);
	const listed =
		slowest === undefined
			? sofar
			: sofar
					.filter((r) => r.arrived)
					.sort((a, b) => b.ms - a.ms)
					.slice(0, slowest);
	const rows = listed.map(({ q, done, arrived, ms }): LatencyRow => {
		const text = done
			? `${latencyMs(ms)}${q.status === 'error' ? ' (error)' : ''}`
			: arrived
				? `waiting, ${latencyMs(ms)} so far`
				: 'not yet';
		return {
			id: q.id,
			text,
			barPct: arrived ? (ms / longest) * 100 : 0,
			waiting: arrived && !done
		};
	});
	const { width: W, height: H } = LAG_CHART;
	const lagTopMs = highest(
		result.lag.filter((l) => l.atMs <= cursor).map((l) => l.lagMs),
		10
	);
	// The bars start right of the axis labels ("200 ms"), so the first never covers them.
	const x = (t: number) =>
		LAG_CHART.left + (t / Math.max(1, result.endMs)) * (W - LAG_CHART.left - 10);
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
		worstLagMs: lags.length
			? highest(
					lags.map((l) => l.lagMs),
					0
				)
			: null,
		lagTopMs
	};
}
