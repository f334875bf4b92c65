import { parseScenarioValue as parseScenario } from '../scenario/check-value';
import type { Scenario } from '../scenario/types';
import { simulate } from '../simulate';
import { withParam } from './apply';
import { runMetrics, type RunMetrics } from './metrics';
import { findOption, sweepOptions, type SweepOption, type SweepParam } from './params';

/** What to sweep: one parameter, and the values to run it at (in order). */
export interface SweepSpec {
	param: SweepParam;
	values: readonly number[];
}

/** One value of a sweep: its run's figures, or why the scenario is not valid at that value. */
export type SweepPoint =
	({ value: number; ok: true } & RunMetrics) | { value: number; ok: false; problem: string };

/** At most this many values in one sweep: each is a whole run. */
export const MAX_SWEEP_POINTS = 50;

/**
 * `points` values evenly spaced from `from` to `to` (both included); for an integer parameter
 * they are rounded and repeats dropped.
 */
export function sweepValues(from: number, to: number, points: number, integer: boolean): number[] {
	const values = Array.from({ length: points }, (_, i) =>
		points === 1 ? from : from + ((to - from) * i) / (points - 1)
	);
	const round = integer ? Math.round : (v: number) => Math.round(v * 1e6) / 1e6;
	return [...new Set(values.map(round))];
}

/**
 * What is wrong with sweeping `doc` over `range` (each problem names its field), or the option
 * and values to run. `doc` is the scenario document as written, already valid; `scenario`, what
 * it parses to, when the caller has it (parsing a large one again costs the page a long task).
 */
export function planSweep(
	doc: unknown,
	param: SweepParam,
	range: { from: number; to: number; points: number },
	scenario?: Scenario
): { ok: true; option: SweepOption; spec: SweepSpec } | { ok: false; problems: string[] } {
	const parsed = scenario ? { ok: true as const, scenario } : parseScenario(doc);
	if (!parsed.ok) return { ok: false, problems: ['the scenario is not valid: fix it first'] };
	const option = findOption(sweepOptions(doc, parsed.scenario), param);
	if (!option) return { ok: false, problems: ['this scenario has no such parameter'] };
	const problems: string[] = [];
	const unit = option.unit ? ` ${option.unit}` : '';
	for (const [name, v] of [
		['From', range.from],
		['To', range.to]
	] as const) {
		if (!Number.isFinite(v) || v < option.min || v > option.max)
			problems.push(
				`${name}: expected a ${option.label} from ${option.min} to ${option.max}${unit}, found ${Number.isFinite(v) ? v : 'nothing'}`
			);
		else if (option.integer && !Number.isInteger(v))
			problems.push(`${name}: expected a whole number, found ${v}`);
	}
	const n = range.points;
	if (!Number.isInteger(n) || n < 2 || n > MAX_SWEEP_POINTS)
		problems.push(`Points: expected a whole number from 2 to ${MAX_SWEEP_POINTS}, found ${n}`);
	else if (problems.length === 0 && range.from === range.to)
		problems.push('To: expected a value other than From');
	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		option,
		spec: { param, values: sweepValues(range.from, range.to, n, option.integer) }
	};
}

/**
 * Runs the scenario once per value, one point at a time, so a caller can pause between points
 * (the page yields, and stops when the scenario changes). Deterministic: same input, same points.
 */
export function* sweepPoints(doc: unknown, spec: SweepSpec): Generator<SweepPoint, void, void> {
	const base = parseScenario(doc);
	if (!base.ok) throw new Error('sweepPoints: the scenario is not valid');
	for (const value of spec.values) yield runAt(doc, base.scenario, spec.param, value);
}

/** Every point of a sweep at once (for tests and the command line). */
export function sweep(doc: unknown, spec: SweepSpec): SweepPoint[] {
	return [...sweepPoints(doc, spec)];
}

function runAt(doc: unknown, scenario: Scenario, param: SweepParam, value: number): SweepPoint {
	const parsed = parseScenario(withParam(doc, scenario, param, value));
	if (!parsed.ok) {
		const [first, ...more] = parsed.errors;
		const rest = more.length ? ` (and ${more.length} more)` : '';
		return { value, ok: false, problem: `${first.message}${rest}` };
	}
	const monitor = parsed.scenario.background.find((b) => b.kind === 'lagMonitor');
	return { value, ok: true, ...runMetrics(simulate(parsed.scenario), monitor) };
}
