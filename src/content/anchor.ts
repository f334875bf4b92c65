import { formatEvent, type TraceEvent } from '../../simulations/index';

/**
 * The frame index a lesson step shows: just after the first event at or after `t` whose
 * timeline line contains `event`, or, without `event`, after every event up to time `t`.
 */
export function anchorIndex(trace: readonly TraceEvent[], t: number, event?: string): number {
	if (event !== undefined) {
		const i = findEvent(trace, t, event);
		if (i >= 0) return i + 1;
	}
	let n = 0;
	while (n < trace.length && trace[n].t <= t) n++;
	return n;
}

/** Index of the first event at or after `t` whose timeline line contains `text` (spacing ignored), or -1. */
export function findEvent(trace: readonly TraceEvent[], t: number, text: string): number {
	const wanted = squash(text);
	return trace.findIndex((e) => e.t >= t && squash(formatEvent(e)).includes(wanted));
}

function squash(s: string): string {
	return s.replace(/\s+/g, ' ');
}
