import type { TraceEvent } from '../../simulations/index';
import { findAnchor, type EventAnchor } from './event-anchor';

/**
 * The frame index a lesson step shows: just after the event `anchor` names at or after `t`, or,
 * without `anchor` (or when it names nothing), after every event up to time `t`.
 */
export function anchorIndex(trace: readonly TraceEvent[], t: number, anchor?: EventAnchor): number {
	if (anchor !== undefined) {
		const i = findAnchor(trace, t, anchor);
		if (i >= 0) return i + 1;
	}
	let n = 0;
	while (n < trace.length && trace[n].t <= t) n++;
	return n;
}
