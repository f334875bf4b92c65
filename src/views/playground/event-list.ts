import { countUpTo } from '../../state/sorted-count';
import type { TraceEvent } from '../../../simulations/index';
import type { MomentGroup } from '../../state/trace/jumps';

/** One row of the event list: the step that shows it, its time and its words. */
export interface EventRow {
	step: number;
	t: number;
	words: string;
}

/** What the list shows: how many rows, and any row by its place (built only when drawn). */
export interface EventRows {
	count: number;
	row: (i: number) => EventRow;
	/** The place of the last row at or before `step`, or -1. */
	placeOf: (step: number) => number;
}

/**
 * The event list: every event, or one kind of moment (`kind` names a group), keeping only the
 * rows whose words contain `text` (any case). Without `text`, words are made only for rows drawn.
 */
export function eventRows(
	trace: readonly TraceEvent[],
	groups: readonly MomentGroup[],
	kind: string,
	text: string,
	words: (e: TraceEvent) => string
): EventRows {
	const group = groups.find((g) => g.kind === kind);
	let steps: number[];
	let wordsOf: (step: number, i: number) => string;
	if (group) {
		steps = group.moments.map((m) => m.step ?? 0);
		wordsOf = (_, i) => group.moments[i].what;
	} else {
		steps = trace.map((_, i) => i + 1);
		wordsOf = (step) => words(trace[step - 1]);
	}
	const needle = text.trim().toLowerCase();
	let texts: string[] | null = null;
	if (needle) {
		const kept: number[] = [];
		texts = [];
		steps.forEach((step, i) => {
			const w = wordsOf(step, i);
			if (!w.toLowerCase().includes(needle)) return;
			kept.push(step);
			texts?.push(w);
		});
		steps = kept;
	}
	const shown = texts;
	return {
		count: steps.length,
		row: (i) => ({
			step: steps[i],
			t: trace[steps[i] - 1]?.t ?? 0,
			words: shown ? shown[i] : wordsOf(steps[i], i)
		}),
		placeOf: (step) => countUpTo(steps.length, (i) => steps[i], step) - 1
	};
}
