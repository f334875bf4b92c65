import { frameAt, simulate } from '../../simulations/index';
import { anchorIndex } from '../../src/content/anchor';
import { loopStatus } from '../../src/views/stage/loop-status';
import type { StepPictureInput } from '../../src/export/step-picture';
import { buildTimeline } from '../../src/views/stage/timeline-model';
import { loadScenario } from '../scenario-files';

/** A picture input from a scenario file (path without `.json`) at moment `t`, with the words overridable. */
export function pictureInput(
	file: string,
	t: number,
	words: Partial<StepPictureInput> = {}
): StepPictureInput {
	const result = simulate(loadScenario(`${file}.json`), { trace: true });
	const trace = result.trace ?? [];
	const frame = frameAt(trace, anchorIndex(trace, t));
	return {
		title: '6. The gather “deadlock”',
		step: 4,
		count: 19,
		variant: 'gather + threading.Lock',
		t: frame.t,
		narration: 'The loop thread is **blocked** in `acquire()`.',
		status: loopStatus(frame),
		hungReason: frame.hungReason,
		timeline: buildTimeline(trace, result.endMs, result.hung?.atMs ?? null),
		...words
	};
}
