import type { Scenario, Step } from '../../simulations/index';

/**
 * The most work a scenario may have to simulate on the page's own thread, at once: the lessons'
 * and the playground's samples fit (the F4 sample is about 200), so they draw in the first paint
 * and tests need no worker; anything larger simulates in the worker.
 */
export const INLINE_WORK = 600;

/**
 * Whether a scenario is small enough to simulate at once on the page's thread: its requests'
 * steps and its background tasks' ticks, a rough count of the engine's work that is cheap to
 * take (the engine's cost grows with both).
 */
export function runsInline(scenario: Scenario): boolean {
	let work = 0;
	const steps = new Map<string, number>();
	for (const [name, h] of Object.entries(scenario.handlers)) steps.set(name, stepCount(h.steps));
	for (const r of scenario.requests) {
		work += 1 + (steps.get(r.handler) ?? 0);
		if (work > INLINE_WORK) return false;
	}
	for (const b of scenario.background ?? []) work += scenario.limitMs / b.everyMs;
	return work <= INLINE_WORK;
}

function stepCount(steps: readonly Step[]): number {
	let n = 0;
	for (const s of steps) {
		n++;
		if (s.op === 'lock' || s.op === 'threadsafeResult') n += stepCount(s.steps);
		else if (s.op === 'gather') for (const b of s.branches) n += stepCount(b);
	}
	return n;
}
