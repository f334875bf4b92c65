import {
	paramKey,
	planSweep,
	type SweepKind,
	type SweepOption
} from '../../../../simulations/sweep/index';
import type { Params } from '../../../url/params';
import { chooseOption, defaultRange, type SweepRange } from './sweep-form';

/** A sweep as the page's address holds it (`sweep`, `from`, `to`, `points`). */
export type SweepLink = Pick<Params, 'sweep' | 'from' | 'to' | 'points'>;

/** No sweep in the address: the page has not run one. */
export const NO_SWEEP: SweepLink = { sweep: null, from: null, to: null, points: null };

/** What the form shows for a link's sweep, and a note for each part that falls back. */
export interface OpenedSweep {
	option: SweepOption;
	range: SweepRange;
	notes: string[];
}

const unitOf = (o: SweepOption) => (o.unit ? ` ${o.unit}` : '');

/**
 * The form's settings for a link's sweep, checked against the scenario it opens with (`doc`
 * as written, its `options`): a parameter the scenario does not have falls back to the first of
 * its kind (else the scenario's first), a range that does not fit it to the parameter's own,
 * each with a note saying so. A range part the link leaves out is the parameter's own. Null
 * when the scenario has nothing to sweep.
 */
export function openSweepLink(
	link: SweepLink & { sweep: string },
	options: readonly SweepOption[],
	doc: unknown
): OpenedSweep | null {
	const kind = link.sweep.split(':')[0] as SweepKind;
	const found = options.find((o) => paramKey(o.param) === link.sweep);
	const option = found ?? chooseOption(options, kind, '');
	if (!option) return null;
	const own = defaultRange(option);
	const ownWords = `${own.from} to ${own.to}${unitOf(option)} in ${own.points} points`;
	if (!found)
		return {
			option,
			range: own,
			notes: [
				`This link sweeps ${link.sweep}, which this scenario does not have; showing a sweep of ${option.label} from ${ownWords} instead.`
			]
		};
	const range = {
		from: link.from ?? own.from,
		to: link.to ?? own.to,
		points: link.points ?? own.points
	};
	const plan = planSweep(doc, option.param, range);
	if (plan.ok) return { option, range, notes: [] };
	return {
		option,
		range: own,
		notes: [
			`This link’s sweep range does not fit ${option.label} (${plan.problems.join('; ')}); sweeping ${ownWords} instead.`
		]
	};
}

/** The address's sweep for the form's settings; a range field left empty is left out. */
export function sweepLink(option: SweepOption, range: Partial<SweepRange>): SweepLink {
	const n = (v: number | null | undefined) =>
		typeof v === 'number' && Number.isFinite(v) ? v : null;
	return {
		sweep: paramKey(option.param),
		from: n(range.from),
		to: n(range.to),
		points: n(range.points)
	};
}
