import type { Frame, Framer, TraceEvent } from '../../simulations/index';
import { findAnchor, type EventAnchor } from './event-anchor';

/**
 * The frame a lesson step shows: just after the event `anchor` names at or after `t`, or, without
 * `anchor` (or when it names nothing), the state at exactly time `t`. The stage and the lesson
 * tests both call this, so a step's narration is checked against what the learner sees.
 */
export function stepFrame(
	framer: Framer,
	trace: readonly TraceEvent[],
	t: number,
	anchor?: EventAnchor
): Frame {
	const i = anchor === undefined ? -1 : findAnchor(trace, t, anchor);
	return i >= 0 ? framer.at(i + 1) : framer.atTime(t);
}
