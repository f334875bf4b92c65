import type { SweepPoint } from '../../../../simulations/sweep/index';
import { grouped } from '../../../format/numbers';
import { figure } from './sweep-chart';

type Ran = Extract<SweepPoint, { ok: true }>;

/**
 * What a sweep shows, in sentences: how p99 moves across the range and where it first doubles
 * (where the service tips over), the best throughput, the worst lag, and which runs to doubt.
 * `axis` names the parameter ("request count").
 */
export function sweepSummary(points: readonly SweepPoint[], axis: string): string[] {
	const ran = points.filter((p): p is Ran => p.ok);
	const lines: string[] = [];
	const at = (p: Ran) => `${axis} ${grouped(p.value)}`;
	const ms = (v: number | null, atLeast: boolean) =>
		`${atLeast ? 'at least ' : ''}${figure(v, 'ms')}`;
	const p99 = (p: Ran) => ms(p.p99Ms, p.p99AtLeast);
	const withP99 = ran.filter((p) => p.p99Ms !== null);
	if (withP99.length > 0) {
		const first = withP99[0];
		const last = withP99[withP99.length - 1];
		let line = `p99 latency goes from ${p99(first)} at ${at(first)} to ${p99(last)} at ${at(last)}.`;
		const doubled = withP99.find((p) => first.p99Ms! > 0 && p.p99Ms! >= 2 * first.p99Ms!);
		if (doubled) line += ` It doubles by ${at(doubled)}.`;
		lines.push(line);
	}
	const best = ran.reduce<Ran | null>(
		(a, p) =>
			p.throughputPerS !== null && (a === null || p.throughputPerS > a.throughputPerS!) ? p : a,
		null
	);
	const rates = ran.flatMap((p) => (p.throughputPerS === null ? [] : [p.throughputPerS]));
	const lowest = Math.min(...rates);
	if (best && lowest > 0.95 * best.throughputPerS!) {
		const how = lowest === best.throughputPerS ? 'at' : 'near';
		lines.push(
			`Throughput stays ${how} ${figure(best.throughputPerS, 'requests/s')} across the range.`
		);
	} else if (best)
		lines.push(`Throughput peaks at ${figure(best.throughputPerS, 'requests/s')} at ${at(best)}.`);
	const lagged = ran.filter((p) => p.maxLagMs !== null);
	if (lagged.length > 0) {
		const worst = lagged.reduce((a, p) => (p.maxLagMs! > a.maxLagMs! ? p : a));
		const how = worst.maxLagAtLeast ? 'The loop lags by' : 'The loop lags at most';
		lines.push(`${how} ${ms(worst.maxLagMs, worst.maxLagAtLeast)}, at ${at(worst)}.`);
	} else if (ran.length > 0) {
		lines.push('No lag figures: this scenario has no lag monitor (add one under background).');
	}
	const unfinished = ran.filter((p) => p.outcome !== 'completed');
	if (unfinished.length > 0) {
		const outcomes = [...new Set(unfinished.map((p) => p.outcome))].join(' or ');
		lines.push(
			`${unfinished.length} of the runs did not complete (${outcomes}, from ${at(unfinished[0])}): requests were still waiting, so their p99 and lag are lower bounds.`
		);
	}
	const refused = points.filter((p): p is Extract<SweepPoint, { ok: false }> => !p.ok);
	if (refused.length > 0) {
		lines.push(
			`${refused.length} value${refused.length === 1 ? '' : 's'} could not run; at ${axis} ${grouped(refused[0].value)}: ${refused[0].problem}`
		);
	}
	return lines;
}
