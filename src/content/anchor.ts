import type { TraceEvent } from '../../simulations/index';
import { countUpTo } from '../state/sorted-count';
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
	// Events come in time order: a binary search, not a walk through a trace of 100,000s.
	return countUpTo(trace.length, (i) => trace[i].t, t);
}
