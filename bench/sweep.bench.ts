// `npm run bench:sweep`: what a sweep costs. The page computes its points in a worker
// (src/state/sweep-source.ts), one call each: the longest point is the longest wait for the next
// dot on the charts, and what a Stop or a new sweep cuts short; the total is the sweep's length.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { planSweep, sweepPoints } from '../simulations/sweep/index';
import { report } from './report';

/** A point longer than this shows the sweep's charts fill in visibly (RAIL's 50 ms for a response). */
const POINT_TARGET_MS = 50;

const lesson = (variant: string): unknown =>
	JSON.parse(readFileSync(`lessons/02-blocking-vs-offloaded/${variant}.json`, 'utf8'));

const CASES = [
	{
		name: 'lesson 2 time.sleep, request count 1–20',
		variant: 'time-sleep',
		to: 20,
		target: POINT_TARGET_MS
	},
	{
		name: 'lesson 2 to_thread, request count 1–20',
		variant: 'to-thread',
		to: 20,
		target: POINT_TARGET_MS
	},
	{
		name: 'lesson 2 to_thread, request count 25–500',
		variant: 'to-thread',
		to: 500,
		target: POINT_TARGET_MS
	},
	// Beyond a few hundred requests one point takes longer: the page stays free, the dots come slower.
	{
		name: 'lesson 2 to_thread, request count 100–2,000',
		variant: 'to-thread',
		to: 2000,
		target: POINT_TARGET_MS
	}
];

console.log(`load average ${loadavg()[0].toFixed(1)} (figures grow with it)`);
for (const c of CASES) {
	const doc = lesson(c.variant) as { limitMs: number };
	doc.limitMs = 600_000;
	const from = c.to <= 20 ? 1 : c.to / 20;
	const plan = planSweep(doc, { kind: 'requestCount', arrival: 0 }, { from, to: c.to, points: 20 });
	if (!plan.ok) throw new Error(plan.problems.join('; '));
	// Warm, as in the page, which has simulated the scenario once before any sweep.
	sweepPoints(doc, plan.spec).next();
	const times: number[] = [];
	const start = performance.now();
	const points = sweepPoints(doc, plan.spec);
	for (;;) {
		const t = performance.now();
		if (points.next().done) break;
		times.push(performance.now() - t);
	}
	const total = performance.now() - start;
	report(
		`sweep ${c.name}: longest point`,
		Math.max(...times),
		c.target,
		' ms',
		`20 points in ${total.toFixed(0)} ms`
	);
}
