import { changeAt } from './step-series';
import type { LoopShare, LoopStretches } from './service-series';

/** Milliseconds the loop spent in each share. */
export type Shares = Record<LoopShare, number>;

const none = (): Shares => ({ busy: 0, blocked: 0, idle: 0 });

/**
 * How the loop thread spent each of `bins` equal bins from `from` to `to`, in ms per share; one
 * pass over the stretches that overlap the window (`end`: where the last stretch stops).
 */
export function binShares(
	loop: LoopStretches,
	end: number,
	from: number,
	to: number,
	bins: number
): Shares[] {
	const out = Array.from({ length: bins }, none);
	const width = (to - from) / bins;
	if (!(width > 0)) return out;
	for (let i = firstOverlap(loop.times, from); i < loop.times.length; i++) {
		const a = Math.max(from, loop.times[i]);
		const b = Math.min(to, end, loop.times[i + 1] ?? end);
		if (loop.times[i] >= to) break;
		if (b <= a) continue;
		const state = loop.states[i];
		for (let k = Math.floor((a - from) / width); k < bins; k++) {
			const lo = from + k * width;
			const hi = lo + width;
			if (lo >= b) break;
			out[k][state] += Math.min(b, hi) - Math.max(a, lo);
		}
	}
	return out;
}

/** The loop's time in each share over [from, to]. */
export function sharesOver(loop: LoopStretches, end: number, from: number, to: number): Shares {
	return binShares(loop, end, from, to, 1)[0] ?? none();
}

// The stretch that holds `from`: the last one starting at or before it.
function firstOverlap(times: readonly number[], from: number): number {
	return Math.max(0, changeAt(times, from));
}

/** The loop's state at `t`. */
export function loopAt(loop: LoopStretches, t: number): LoopShare {
	return loop.states[firstOverlap(loop.times, t)] ?? 'idle';
}
