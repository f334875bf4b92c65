import type { Frame, Scenario } from '../../simulations/index';
import type { PredictionMark } from './predictions.svelte';
import type { VariantRun } from './variant-run';

/**
 * What the stage draws at one moment, whichever page it is on: a lesson (its step or scrubbed
 * moment) or the playground (one event of its run). Views read it; they compute nothing.
 */
export interface Stage {
	/** The run on show, its scenario and its full state at the moment on show. */
	readonly shownRun: VariantRun;
	readonly shownScenario: Scenario;
	readonly frame: Frame;
	/** The runs drawn on one time axis: two when comparing, else the one on show. */
	readonly compared: readonly VariantRun[];
	/** Where the views put their cursor (ms). */
	readonly cursor: number;
	/** The code line to mark, if the step names one. */
	readonly line: number | null;
	/** A moment the learner scrubbed to (ms), or null. */
	readonly moment: number | null;
	/** Shows the state at a virtual time. */
	scrub(t: number): void;
	/** Goes back from a scrubbed moment to the step's own, where a page offers it. */
	reset?(): void;
	/** What that way back is called, where not "Back to the step". */
	readonly resetLabel?: string;
	/** A timeline prediction's guess and, once answered, its true time (ms), where a lesson asks one. */
	readonly timeMarks?: readonly PredictionMark[];
	/** A line prediction's clicked line and, once answered, the right lines. */
	readonly lineMarks?: readonly PredictionMark[];
	/** Sets the timeline guess by dragging on the timeline, while a timeline prediction asks. */
	readonly dragGuess?: ((t: number) => void) | null;
}
