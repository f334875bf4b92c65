import type { Scenario, Step } from '../../simulations/index';

/**
 * The most work a scenario may have to simulate on the page's own thread, at once: the
 * playground's samples (a few requests) fit, so they draw in the first paint and tests need no
 * worker; anything larger simulates in the worker. 100 one-step requests (work 200) took ≈ 15 ms
 * at page load on a 2-core machine, in the task that draws the page: too much for it.
 */
export const INLINE_WORK = 120;

/**
 * Whether a scenario is small enough to simulate at once on the page's thread: its requests'
 * steps and its background tasks' ticks, a rough count of the engine's work that is cheap to
 * take (the engine's cost grows with both). The ticks are counted up to the latest the run could
 * end if nothing overlapped (its last arrival, then every step's time one after another), not to
 * `limitMs`, which a run ends long before.
 */
export function runsInline(scenario: Scenario): boolean {
	let work = 0;
	let serialMs = 0;
	let lastAt = 0;
	const costs = new Map<string, Cost>();
	for (const [name, h] of Object.entries(scenario.handlers)) costs.set(name, costOf(h.steps));
	for (const r of scenario.requests) {
		const cost = costs.get(r.handler) ?? { steps: 0, ms: 0 };
		work += 1 + cost.steps;
		serialMs += cost.ms;
		lastAt = Math.max(lastAt, r.at);
		if (work > INLINE_WORK) return false;
	}
	const endMs = Math.min(scenario.limitMs, lastAt + serialMs);
	for (const b of scenario.background ?? []) work += Math.max(0, endMs - b.startMs) / b.everyMs;
	return work <= INLINE_WORK;
}

interface Cost {
	steps: number;
	/** The steps' time, one after another (branches too). */
	ms: number;
}

function costOf(steps: readonly Step[]): Cost {
	const cost = { steps: 0, ms: 0 };
	const add = (c: Cost) => {
		cost.steps += c.steps;
		cost.ms += c.ms;
	};
	for (const s of steps) {
		cost.steps++;
		if ('ms' in s) cost.ms += s.ms;
		if (s.op === 'lock' || s.op === 'threadsafeResult') add(costOf(s.steps));
		else if (s.op === 'gather') for (const b of s.branches) add(costOf(b));
	}
	return cost;
}
