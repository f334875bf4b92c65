import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planSweep, sweep, type SweepPoint } from '../../../simulations/sweep/index';

// Lesson 2's five uploads, swept from 1 to 20 requests: the issue's check for sweeps.
const LESSON = 'lessons/02-blocking-vs-offloaded';
const read = (variant: string): unknown =>
	JSON.parse(readFileSync(`${LESSON}/${variant}.json`, 'utf8'));

function countSweep(variant: string) {
	const doc = read(variant);
	const plan = planSweep(
		doc,
		{ kind: 'requestCount', arrival: 0 },
		{ from: 1, to: 20, points: 20 }
	);
	if (!plan.ok) throw new Error(plan.problems.join('; '));
	return sweep(doc, plan.spec).map((p: SweepPoint) => {
		if (!p.ok) throw new Error(p.problem);
		return p;
	});
}

/** Least-squares slope and the largest distance of a point from that line. */
function fit(xs: number[], ys: number[]): { slope: number; worst: number } {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b) / n;
	const my = ys.reduce((a, b) => a + b) / n;
	const slope =
		xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) /
		xs.reduce((s, x) => s + (x - mx) ** 2, 0);
	const worst = Math.max(...xs.map((x, i) => Math.abs(my + slope * (x - mx) - ys[i])));
	return { slope, worst };
}

describe('sweep(lesson 2, request count 1–20)', () => {
	it('time.sleep in async def: p99 rises linearly, one 200 ms call per request (less the 2 ms spacing)', () => {
		const points = countSweep('time-sleep');
		expect(points.map((p) => p.value)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		const { slope, worst } = fit(
			points.map((p) => p.value),
			points.map((p) => p.p99Ms!)
		);
		expect(slope).toBeCloseTo(198, 6);
		expect(worst).toBeLessThan(1e-6);
		// The loop is held for every call before the lag monitor's next sample: lag rises too.
		expect(points[19].maxLagMs).toBeGreaterThan(points[0].maxLagMs! + 3000);
		// One call at a time: five answers a second, however many wait.
		expect(new Set(points.map((p) => p.throughputPerS))).toEqual(new Set([5]));
		expect(points.every((p) => p.outcome === 'completed')).toBe(true);
	});

	it('to_thread: max lag stays flat; p99 stays one call while the pool of 6 has room, then steps a call per pool-full', () => {
		const points = countSweep('to-thread');
		const lags = points.map((p) => p.maxLagMs!);
		expect(Math.max(...lags)).toBeLessThan(1);
		const oneCall = points[0].p99Ms!;
		// Lesson 2 leaves the pool at CPython's default, min(32, cores + 4) = 6 on its 2 cores.
		for (const p of points) {
			const waves = Math.ceil(p.value / 6);
			if (waves === 1) expect(p.p99Ms).toBe(oneCall);
			expect(p.p99Ms).toBeGreaterThanOrEqual(oneCall + (waves - 1) * 0.9 * oneCall);
			expect(p.p99Ms).toBeLessThanOrEqual(waves * oneCall);
		}
		// Far below the blocking handler's line at every count past the first.
		const blocking = countSweep('time-sleep');
		points.slice(1).forEach((p, i) => expect(p.p99Ms!).toBeLessThan(blocking[i + 1].p99Ms! / 1.9));
	});

	it('to_thread with a pool of 20: p99 flat at one call across 1–20', () => {
		const doc = read('to-thread') as { runtime?: object };
		const wide = { ...doc, runtime: { ...doc.runtime, threads: 20 } };
		const plan = planSweep(
			wide,
			{ kind: 'requestCount', arrival: 0 },
			{ from: 1, to: 20, points: 20 }
		);
		if (!plan.ok) throw new Error(plan.problems.join('; '));
		const p99s = sweep(wide, plan.spec).map((p) => (p.ok ? p.p99Ms : p.problem));
		expect(new Set(p99s)).toEqual(new Set([p99s[0]]));
		expect(p99s[0]).toBeGreaterThanOrEqual(200);
		expect(p99s[0]).toBeLessThan(201);
	});

	it('await asyncio.sleep: p99 flat at one sleep across 1–20', () => {
		const p99s = countSweep('asyncio-sleep').map((p) => p.p99Ms!);
		expect(Math.max(...p99s) - Math.min(...p99s)).toBeLessThan(1);
	});
});
