import {
	paramKey,
	SWEEP_KINDS,
	type SweepKind,
	type SweepOption
} from '../../../../simulations/sweep/index';

/** A sweep's range as the form holds it. */
export interface SweepRange {
	from: number;
	to: number;
	points: number;
}

/** Three significant digits: 333.33 → 333, 0.0125 → 0.0125. */
const nice = (v: number) => Number(v.toPrecision(3));

/**
 * Where a sweep of `option` starts out: around the scenario's own value (a quarter of it to
 * twice it; counts from 1 to four times it), so the first sweep shows where it sits.
 */
export function defaultRange(option: SweepOption): SweepRange {
	const now = option.current;
	switch (option.param.kind) {
		case 'requestCount': {
			const to = Math.min(100, Math.max(10, 4 * (now ?? 5)));
			return { from: 1, to, points: Math.min(to, 20) };
		}
		case 'poolSize': {
			const to = Math.min(64, Math.max(8, 2 * (now ?? 4)));
			return { from: 1, to, points: Math.min(to, 20) };
		}
		case 'blockingShare':
			return { from: 0, to: 1, points: 11 };
		case 'requestRate':
			return now
				? { from: nice(now / 4), to: nice(now * 2), points: 10 }
				: { from: 1, to: 100, points: 10 };
		case 'workMs':
			return now
				? { from: nice(now / 4), to: nice(now * 2), points: 10 }
				: { from: 0, to: 100, points: 11 };
	}
}

/**
 * The option the form shows: the one of `kind` whose key is `key`, else the first of `kind`,
 * else the scenario's first (its parameters change as it is edited).
 */
export function chooseOption(
	options: readonly SweepOption[],
	kind: SweepKind,
	key: string
): SweepOption | null {
	const ofKind = options.filter((o) => o.param.kind === kind);
	return ofKind.find((o) => paramKey(o.param) === key) ?? ofKind[0] ?? options[0] ?? null;
}

/** The kinds of parameter `options` offer, in the menu's order. */
export function kindsOf(options: readonly SweepOption[]): SweepKind[] {
	return (Object.keys(SWEEP_KINDS) as SweepKind[]).filter((k) =>
		options.some((o) => o.param.kind === k)
	);
}
