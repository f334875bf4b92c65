import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../../../simulations/sweep/index';
import {
	figure,
	SWEEP_CHART,
	SWEEP_METRICS,
	sweepChart
} from '../../../../src/views/playground/sweep/sweep-chart';

const ran = (value: number, p99Ms: number, outcome = 'completed'): SweepPoint => ({
	value,
	ok: true,
	p99Ms,
	p99AtLeast: outcome !== 'completed',
	maxLagMs: null,
	maxLagAtLeast: false,
	throughputPerS: 5,
	requests: 1,
	answered: 1,
	failed: 0,
	unfinished: outcome === 'completed' ? 0 : 1,
	outcome: outcome as 'completed',
	endMs: 1000
});
const [P99, LAG] = SWEEP_METRICS;
const { width, height, left, right, bottom } = SWEEP_CHART;

describe('sweepChart(points, values, metric, axis)', () => {
	it('spans the x axis over every value, so points computed so far fill it from the left', () => {
		const chart = sweepChart([ran(1, 200), ran(2, 400)], [1, 2, 3, 4], P99, 'request count');
		expect(chart.dots.map((d) => d.x)).toEqual([left, left + (width - right - left) / 3]);
		expect(chart.dots[0].y).toBeLessThan(height - bottom);
		expect(chart.path).toMatch(/^M/);
	});

	it('names what it shows and how the figure goes', () => {
		const chart = sweepChart(
			[ran(1, 200), ran(5, 3962), ran(9, 1500)],
			[1, 5, 9],
			P99,
			'pool size'
		);
		expect(chart.name).toBe(
			'p99 latency against pool size: 200 ms at 1, 1,500 ms at 9; highest 3,962 ms at 5'
		);
	});

	it('draws a run that did not complete hollow, and leaves out points without the figure', () => {
		const chart = sweepChart(
			[ran(1, 200), ran(2, 5000, 'hung'), { value: 3, ok: false, problem: 'bad' }],
			[1, 2, 3],
			P99,
			'x'
		);
		expect(chart.dots.map((d) => d.incomplete)).toEqual([false, true]);
		expect(sweepChart([ran(1, 200)], [1, 2], LAG, 'x')).toMatchObject({
			dots: [],
			path: null,
			name: 'Max loop lag against x: no run has this figure'
		});
		expect(sweepChart([], [1, 2], LAG, 'x').name).toBe('Max loop lag against x: no figures yet');
	});
});

describe('figure(value, unit)', () => {
	it.each([
		[3962.4, 'ms', '3,962 ms'],
		[24.93, 'requests/s', '24.9 requests/s'],
		[0.304, 'ms', '0.3 ms'],
		[null, 'ms', '–'],
		[12.5, '', '12.5']
	])('%s %s → %s', (value, unit, text) => {
		expect(figure(value, unit)).toBe(text);
	});
});
