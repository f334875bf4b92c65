// "What if" on the trace page: the stalls a learner picks change as a fix would change them
// (offload, await, GIL), the result becomes the playground session's variant B, and the stage
// compares the model's run before and after on one time axis.
import type { SimResult } from '../../../simulations/index';
import {
	stepsOfRuns,
	whatIf,
	type ScenarioDocument,
	type Stall,
	type StretchChange,
	type TraceModel
} from '../../traces/index';

/** The changes offered, in the words the page shows. */
/** A change the page offers: one of whatIf's, or both GIL answers side by side when unknown. */
export type OfferedChange = StretchChange | 'unknownGil';

export const CHANGES: { change: OfferedChange; label: string; done: string }[] = [
	{ change: 'offload', label: 'Offload it to the thread pool', done: 'were offloaded to the pool' },
	{ change: 'await', label: 'Make it an awaited call', done: 'were awaited calls' },
	{
		change: 'releasesGil',
		label: 'It releases the GIL (a blocking call)',
		done: 'released the GIL'
	},
	{ change: 'holdsGil', label: 'It holds the GIL (Python code)', done: 'held the GIL' },
	{
		change: 'unknownGil',
		label: 'Not sure about the GIL: show both',
		done: 'held the GIL, or released it'
	}
];

/** Stalls that ran at the same source line: one choice, since one fix changes them all. */
export interface StallGroup {
	label: string;
	/** The group in a sentence: "the 3 stalls at app.py:16". */
	what: string;
	stalls: readonly Stall[];
}

/** The choices of stretch: each source line's stalls, then every stall in the table. */
export function stallGroups(stalls: readonly Stall[]): StallGroup[] {
	const byLine = new Map<string, Stall[]>();
	for (const s of stalls) {
		const key = s.where ?? s.coro ?? 'unknown line';
		byLine.set(key, [...(byLine.get(key) ?? []), s]);
	}
	const groups = [...byLine].map(([where, list]) => ({
		label: `${shortWhere(where)}: ${list.length} ${list.length === 1 ? 'stall' : 'stalls'}`,
		what:
			list.length === 1
				? `the stall at ${shortWhere(where)}`
				: `the ${list.length} stalls at ${shortWhere(where)}`,
		stalls: list
	}));
	if (groups.length > 1)
		groups.push({
			label: `Every stall in the table (${stalls.length})`,
			what: `all ${stalls.length} stalls in the table`,
			stalls: [...stalls]
		});
	return groups;
}

/** The last two parts of a path: the file and line a reader recognises. */
export const shortWhere = (where: string) => where.split('/').slice(-2).join('/');

/** The scenario with `change` made to the stretches of `stalls`, and how many steps changed. */
export function whatIfScenario(
	model: TraceModel,
	doc: ScenarioDocument,
	stalls: readonly Stall[],
	change: StretchChange
): { doc: ScenarioDocument; steps: number } {
	const runs = stalls.flatMap((s) =>
		model.slices.filter((x) => x.atMs === s.atMs && x.ms === s.ms)
	);
	const picks = stepsOfRuns(model, runs);
	let steps = 0;
	const changed = whatIf(
		doc,
		(handler, step, i) => {
			const hit = picks(handler, step, i);
			if (hit) steps++;
			return hit;
		},
		change
	);
	return { doc: changed, steps };
}

/** One request before and after the change, both from its arrival in the model (ms). */
export interface WhatIfRow {
	id: string;
	beforeMs: number | null;
	afterMs: number | null;
}

const latency = (r: SimResult['requests'][number]) =>
	r.endMs === null ? null : r.endMs - r.arriveMs;

/** Each request's latency in the model's run and in the what-if's, by the scenario's ids. */
export function whatIfRows(before: SimResult, after: SimResult): WhatIfRow[] {
	const later = new Map(after.requests.map((r) => [r.id, latency(r)]));
	return before.requests.map((r) => ({
		id: r.id,
		beforeMs: latency(r),
		afterMs: later.get(r.id) ?? null
	}));
}

/** The slowest request before and after, the line a reader looks for first. */
export function slowest(rows: readonly WhatIfRow[]): { beforeMs: number; afterMs: number } {
	const max = (pick: (r: WhatIfRow) => number | null) =>
		Math.max(0, ...rows.map(pick).filter((v): v is number => v !== null));
	return { beforeMs: max((r) => r.beforeMs), afterMs: max((r) => r.afterMs) };
}
