import type { Stage } from './stage';
import type { VariantRun } from './variant-run';

/** Which engine's run the stage draws. */
export type StageEngine = 'model' | 'cpython';

/**
 * The stage as it draws another engine's run of the same scenario: the page's own place (its
 * step, its scrubbed moment, its cursor) with that run's frame at the same virtual time, so
 * stepping forward and back moves through the CPython run as through the model's.
 */
export function engineStage(base: Stage, other: VariantRun | null, engine: StageEngine): Stage {
	if (engine === 'model' || !other) return base;
	return {
		shownRun: other,
		shownScenario: base.shownScenario,
		compared: [other],
		get frame() {
			return other.framer.atTime(base.cursor);
		},
		get cursor() {
			return base.cursor;
		},
		get line() {
			return base.line;
		},
		get moment() {
			return base.moment;
		},
		get timeMarks() {
			return base.timeMarks;
		},
		get lineMarks() {
			return base.lineMarks;
		},
		get dragGuess() {
			return base.dragGuess;
		},
		scrub: (t) => base.scrub(t),
		...(base.reset ? { reset: () => base.reset?.() } : {})
	};
}
