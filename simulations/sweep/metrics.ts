import { roundMs, type SimResult } from '../result';
import { firstWake, lagSample } from '../rules/background';
import type { BackgroundSpec } from '../scenario/types';

/** What one run of a sweep gives: the figures its charts draw, and how the run ended. */
export interface RunMetrics {
	/** 99th percentile (nearest rank) of arrival-to-response over every request, in ms. */
	p99Ms: number | null;
	/**
	 * True when some request is unfinished: it counts with its wait so far (to the end of the
	 * run), so the real p99 is at least `p99Ms`.
	 */
	p99AtLeast: boolean;
	/**
	 * The lag monitor's worst sample, or, when larger, how late its pending sleep already is at
	 * the end of the run (a sample the loop never let it take); null without a lag monitor.
	 */
	maxLagMs: number | null;
	/** True when `maxLagMs` is that pending sample: the real lag is at least `maxLagMs`. */
	maxLagAtLeast: boolean;
	/** Requests answered ok per second of virtual time, from the first arrival to the last answer. */
	throughputPerS: number | null;
	requests: number;
	/** Requests answered ok (`status: ok`); `failed` raised, `unfinished` never returned. */
	answered: number;
	failed: number;
	unfinished: number;
	outcome: SimResult['outcome'];
	endMs: number;
}

/** The nearest-rank percentile `p` (0–100) of `values`; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The figures of one simulated run; `monitor` is the scenario's lag monitor, if it has one. */
export function runMetrics(result: SimResult, monitor?: BackgroundSpec): RunMetrics {
	const reqs = result.requests;
	const ok = reqs.filter((q) => q.status === 'ok');
	const unfinished = reqs.filter((q) => q.endMs === null);
	const waits = reqs.map((q) => (q.endMs ?? result.endMs) - q.arriveMs);
	const p99 = percentile(waits, 99);
	const firstArrival = reqs.reduce((m, q) => Math.min(m, q.arriveMs), Infinity);
	const lastAnswer =
		unfinished.length > 0 ? result.endMs : ok.reduce((m, q) => Math.max(m, q.endMs!), firstArrival);
	const spanS = (lastAnswer - firstArrival) / 1000;
	const worstLag = result.lag.reduce((m, l) => Math.max(m, l.lagMs), 0);
	const pending = monitor ? pendingLag(result, monitor) : 0;
	return {
		p99Ms: p99 === null ? null : roundMs(p99),
		p99AtLeast: p99 !== null && unfinished.length > 0,
		maxLagMs: monitor || result.lag.length ? Math.max(worstLag, pending) : null,
		maxLagAtLeast: pending > worstLag,
		throughputPerS: spanS > 0 ? roundMs(ok.length / spanS) : null,
		requests: reqs.length,
		answered: ok.length,
		failed: reqs.filter((q) => q.status === 'error').length,
		unfinished: unfinished.length,
		outcome: result.outcome,
		endMs: result.endMs
	};
}

/** How late the lag monitor's sleep under way is at the end of the run (0 if not yet due). */
function pendingLag(result: SimResult, monitor: BackgroundSpec): number {
	const last = result.lag[result.lag.length - 1];
	const mark = last ? last.atMs : firstWake(monitor.startMs, monitor.everyMs).markMs;
	return lagSample(result.endMs, mark, monitor.everyMs).lagMs;
}
