import { line, scaleLinear } from 'd3';
import type { SweepPoint } from '../../../../simulations/sweep/index';
import { grouped } from '../../../format/numbers';

/** The three figures a sweep draws, one small chart each. */
export const SWEEP_METRICS = [
	{ key: 'p99Ms', title: 'p99 latency', unit: 'ms', atLeast: 'p99AtLeast', floor: 10 },
	{ key: 'maxLagMs', title: 'Max loop lag', unit: 'ms', atLeast: 'maxLagAtLeast', floor: 10 },
	{ key: 'throughputPerS', title: 'Throughput', unit: 'requests/s', atLeast: null, floor: 1 }
] as const;

export type SweepMetric = (typeof SWEEP_METRICS)[number];

/** Each chart's size in SVG units and its margins (left holds the y axis's numbers). */
export const SWEEP_CHART = { width: 300, height: 170, left: 46, right: 20, top: 12, bottom: 30 };

export interface SweepDot {
	x: number;
	y: number;
	/** The run did not complete (hung, stopped), or the figure is only a lower bound. */
	incomplete: boolean;
}

export interface SweepChartModel {
	path: string | null;
	dots: SweepDot[];
	xTicks: { x: number; text: string }[];
	yTicks: { y: number; text: string }[];
	/** The chart's accessible name: what it shows, and how the figure goes across the range. */
	name: string;
}

/** A figure as the charts and the table write it: "3,962 ms", "24.9 requests/s" ("–": none). */
export function figure(value: number | null, unit = ''): string {
	if (value === null) return '–';
	const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return unit ? `${grouped(value, digits)} ${unit}` : grouped(value, digits);
}

/** The figure `metric` of a point, or null where the point has none. */
export function metricOf(point: SweepPoint, metric: SweepMetric): number | null {
	return point.ok ? point[metric.key] : null;
}

/** The figure as the table writes it: "≥ 1,000" where it is only a lower bound. */
export function cellOf(point: SweepPoint, metric: SweepMetric): string {
	const bound = point.ok && metric.atLeast !== null && point[metric.atLeast];
	return `${bound ? '≥ ' : ''}${figure(metricOf(point, metric))}`;
}

/**
 * One small chart of a sweep: `metric` against the parameter (`axis`, its words) over `values`
 * (every value of the sweep, so the points fill in from the left as they are computed).
 */
export function sweepChart(
	points: readonly SweepPoint[],
	values: readonly number[],
	metric: SweepMetric,
	axis: string
): SweepChartModel {
	const { width, height, left, right, top, bottom } = SWEEP_CHART;
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const x = scaleLinear()
		.domain([lo, hi === lo ? lo + 1 : hi])
		.range([left, width - right]);
	const known = points.flatMap((p) => {
		const v = metricOf(p, metric);
		return v === null ? [] : [{ p, v }];
	});
	// A floor keeps a flat 0.7 ms of lag near the bottom, not stretched to the chart's top.
	const highest = Math.max(metric.floor, ...known.map((k) => k.v));
	const y = scaleLinear()
		.domain([0, highest])
		.nice(4)
		.range([height - bottom, top]);
	const dots = known.map(({ p, v }) => ({
		x: x(p.value),
		y: y(v),
		incomplete:
			p.ok && (p.outcome !== 'completed' || (metric.atLeast !== null && p[metric.atLeast]))
	}));
	const path = line<{ x: number; y: number }>()
		.x((d) => d.x)
		.y((d) => d.y)(dots);
	return {
		path: dots.length > 1 ? path : null,
		dots,
		xTicks: x.ticks(5).map((t) => ({ x: x(t), text: grouped(t) })),
		yTicks: y.ticks(4).map((t) => ({ y: y(t), text: grouped(t) })),
		name: chartName(known, points.length, metric, axis)
	};
}

function chartName(
	known: { p: SweepPoint; v: number }[],
	points: number,
	metric: SweepMetric,
	axis: string
): string {
	const what = `${metric.title} against ${axis}`;
	if (known.length === 0)
		return `${what}: ${points === 0 ? 'no figures yet' : 'no run has this figure'}`;
	const first = known[0];
	const last = known[known.length - 1];
	const top = known.reduce((a, b) => (b.v > a.v ? b : a));
	const at = (k: { p: SweepPoint; v: number }) =>
		`${figure(k.v, metric.unit)} at ${grouped(k.p.value)}`;
	return `${what}: ${at(first)}, ${at(last)}; highest ${at(top)}`;
}
