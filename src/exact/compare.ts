// The one comparison of a model run with a CPython run: used by the differential test and by
// the page's agreement badge.
import type { Scenario, SimResult, TraceEvent } from '../../simulations/index';
import { divergencesFor, type Aspect } from './divergences';

/** One request in both runs; a diff is exact − model in ms (null when either time is missing). */
export interface RequestDiff {
	id: string;
	model: { startMs: number | null; endMs: number | null; status: string } | null;
	exact: { startMs: number | null; endMs: number | null; status: string } | null;
	startDiffMs: number | null;
	endDiffMs: number | null;
}

/** The first place the two runs part, with both sides' event where there is one. */
export interface FirstDivergence {
	/** Position in the compared sequence of loop callbacks (or -1 for a result field). */
	index: number;
	model?: TraceEvent;
	exact?: TraceEvent;
	why: string;
}

/** How a CPython run compares with the model's: agreement, per-request diffs, the first divergence. */
export interface RunComparison {
	/** True when every difference found is covered by an allowed divergence (see `allowed`). */
	agree: boolean;
	requests: RequestDiff[];
	/** The first difference found (allowed or not), or null when the runs are the same. */
	firstDivergence: FirstDivergence | null;
	/** Ids of the allowed divergences (divergences.ts) that covered a difference here. */
	allowed: string[];
	/** Aspects that differed: times, background, order, warnings. */
	differs: Aspect[];
}

// Virtual times are rounded to the microsecond by both engines.
const EPS = 1e-6;
const BACKGROUND = ['heartbeat', 'lagMonitor'];

/**
 * Compares a model run with a CPython run of the same scenario: request start/end times and
 * statuses, outcome and end, heartbeats and lag samples, slow-callback warnings (when, whom, how
 * long; never the text, whose task repr differs by CPython version) and, when both carry a
 * trace, the order of the callbacks the loop ran. Pass the scenario to let feature-based allowed
 * divergences apply to scenarios outside the known list.
 */
export function compareRuns(
	model: SimResult,
	exact: SimResult,
	scenario?: Scenario
): RunComparison {
	const requests = diffRequests(model, exact);
	const found: { aspect: Aspect; first: FirstDivergence }[] = [];
	const timesWhy = timesDiffer(model, exact, requests);
	if (timesWhy) found.push({ aspect: 'times', first: { index: -1, why: timesWhy } });
	const bgWhy = backgroundDiffers(model, exact);
	if (bgWhy) found.push({ aspect: 'background', first: { index: -1, why: bgWhy } });
	const warnWhy = warningsDiffer(model, exact);
	if (warnWhy) found.push({ aspect: 'warnings', first: { index: -1, why: warnWhy } });
	const divergences = divergencesFor(exact.scenario, scenario);
	const onlyOnCPython = divergences.flatMap((d) => d.onlyOnCPython ?? []);
	const onlyInModel = divergences.flatMap((d) => d.onlyInModel ?? []);
	if (model.trace && exact.trace) {
		const order = orderDivergence(model.trace, exact.trace, onlyOnCPython, onlyInModel);
		if (order) found.push({ aspect: 'order', first: order });
	}
	const differs = found.map((f) => f.aspect);
	const uncovered = differs.filter((a) => !divergences.some((d) => d.covers.includes(a)));
	const allowed = divergences
		.filter(
			(d) =>
				d.covers.some((a) => differs.includes(a)) ||
				ranAny(exact.trace, d.onlyOnCPython) ||
				ranAny(model.trace, d.onlyInModel)
		)
		.map((d) => d.id);
	const first = found.find((f) => f.aspect === 'order') ?? found[0];
	return {
		agree: uncovered.length === 0,
		requests,
		firstDivergence: first ? first.first : null,
		allowed,
		differs
	};
}

/** Whether the trace has a loop callback whose label matches one of `patterns`. */
function ranAny(trace: TraceEvent[] | undefined, patterns: RegExp[] = []): boolean {
	return (trace ?? []).some((e) => e.type === 'run' && patterns.some((r) => r.test(e.detail.cb)));
}

function diffRequests(model: SimResult, exact: SimResult): RequestDiff[] {
	const ids = [...new Set([...model.requests, ...exact.requests].map((r) => r.id))];
	const pick = (r: SimResult['requests'][number] | undefined) =>
		r ? { startMs: r.startMs, endMs: r.endMs, status: r.status } : null;
	const diff = (a: number | null | undefined, b: number | null | undefined) =>
		a === null || a === undefined || b === null || b === undefined ? null : roundDiff(b - a);
	return ids.map((id) => {
		const m = pick(model.requests.find((r) => r.id === id));
		const e = pick(exact.requests.find((r) => r.id === id));
		return {
			id,
			model: m,
			exact: e,
			startDiffMs: diff(m?.startMs, e?.startMs),
			endDiffMs: diff(m?.endMs, e?.endMs)
		};
	});
}

function roundDiff(ms: number): number {
	return Math.round(ms * 1000) / 1000 || 0;
}

function same(a: number | null | undefined, b: number | null | undefined): boolean {
	if (a === null || a === undefined || b === null || b === undefined) return a === b;
	return Math.abs(a - b) <= EPS;
}

function timesDiffer(model: SimResult, exact: SimResult, requests: RequestDiff[]): string | null {
	if (model.outcome !== exact.outcome)
		return `the model's run ${model.outcome}, CPython's ${exact.outcome}`;
	for (const r of requests) {
		if (!r.model || !r.exact) return `request ${r.id} exists in only one run`;
		if (r.model.status !== r.exact.status)
			return `${r.id}: the model says ${r.model.status}, CPython ${r.exact.status}`;
		if (!same(r.model.startMs, r.exact.startMs))
			return `${r.id} starts at ${r.model.startMs} ms in the model, ${r.exact.startMs} ms on CPython`;
		if (!same(r.model.endMs, r.exact.endMs))
			return `${r.id} ends at ${r.model.endMs} ms in the model, ${r.exact.endMs} ms on CPython`;
	}
	if (!same(model.endMs, exact.endMs))
		return `the run ends at ${model.endMs} ms in the model, ${exact.endMs} ms on CPython`;
	if (!same(model.hung?.atMs, exact.hung?.atMs))
		return `the run hangs at ${model.hung?.atMs} ms in the model, ${exact.hung?.atMs} ms on CPython`;
	return null;
}

function backgroundDiffers(model: SimResult, exact: SimResult): string | null {
	const list = (xs: number[]) => `[${xs.join(', ')}]`;
	const beats = (a: number[], b: number[]) =>
		a.length === b.length && a.every((x, i) => same(x, b[i]));
	if (!beats(model.heartbeats, exact.heartbeats))
		return `heartbeats at ${list(model.heartbeats)} in the model, ${list(exact.heartbeats)} on CPython`;
	const lagOf = (r: SimResult) => r.lag.map((l) => `${l.atMs}:${l.lagMs}`);
	const ml = lagOf(model);
	const el = lagOf(exact);
	if (
		model.lag.length !== exact.lag.length ||
		model.lag.some((l, i) => !same(l.atMs, exact.lag[i].atMs) || !same(l.lagMs, exact.lag[i].lagMs))
	)
		return `lag samples (at:lag ms) ${list(ml as never)} in the model, ${list(el as never)} on CPython`;
	return null;
}

function warningsDiffer(model: SimResult, exact: SimResult): string | null {
	const key = (r: SimResult) =>
		r.warnings.map((w) => `${w.kind} ${w.task} at ${w.atMs} (${w.ms ?? '-'} ms)`);
	const m = key(model);
	const e = key(exact);
	if (m.length === e.length && m.every((k, i) => k === e[i])) return null;
	const i = m.findIndex((k, j) => k !== e[j]);
	const at = i < 0 ? m.length : i;
	return `warning ${at + 1}: the model logs ${m[at] ?? 'nothing'}, CPython ${e[at] ?? 'nothing'}`;
}

/**
 * The callbacks the loop ran, in order, with their times. A background task's start-up step
 * (its first step, before its first sleep is done) exists only where the task starts on the
 * loop (CPython's bootstrap at t = 0; the model starts it in steady state), and the lab's own
 * `main()` task is CPython's bootstrap: both are left out.
 */
function loopRuns(trace: TraceEvent[], skip: RegExp[]): TraceEvent[] {
	const started = new Set<string>();
	const out: TraceEvent[] = [];
	for (const e of trace) {
		if (e.type !== 'run') continue;
		const cb = e.detail.cb;
		if (cb === 'lab:main step' || skip.some((r) => r.test(cb))) continue;
		const bg = BACKGROUND.find((b) => cb === `${b} step` || cb === `sleep done → ${b}`);
		if (bg && !started.has(bg)) {
			started.add(bg);
			if (cb === `${bg} step`) continue;
		}
		out.push(e);
	}
	return out;
}

function orderDivergence(
	model: TraceEvent[],
	exact: TraceEvent[],
	onlyOnCPython: RegExp[],
	onlyInModel: RegExp[]
): FirstDivergence | null {
	const m = loopRuns(model, onlyInModel);
	const e = loopRuns(exact, onlyOnCPython);
	for (let i = 0; i < Math.max(m.length, e.length); i++) {
		const a = m[i];
		const b = e[i];
		const ca = a?.type === 'run' ? a.detail.cb : undefined;
		const cb = b?.type === 'run' ? b.detail.cb : undefined;
		if (ca === cb && a && b && same(a.t, b.t)) continue;
		const why =
			ca === undefined
				? `CPython runs ${cb} at ${b?.t} ms after the model's run has ended`
				: cb === undefined
					? `the model runs ${ca} at ${a?.t} ms after CPython's run has ended`
					: ca === cb
						? `${ca} runs at ${a?.t} ms in the model, ${b?.t} ms on CPython`
						: `callback ${i + 1}: the model runs ${ca} at ${a?.t} ms, CPython runs ${cb} at ${b?.t} ms`;
		return { index: i, model: a, exact: b, why };
	}
	return null;
}
