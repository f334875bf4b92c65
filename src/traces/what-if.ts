// "What if": one change to the stretches of a recorded run's scenario, the way a fix would change
// the code: offload it to the pool, make it an awaited call, or say whether it holds the GIL.
import type { ScenarioDocument, ScenarioStep } from './to-scenario';

/** A change a learner can make to a stretch that ran on the loop. */
export type StretchChange = 'offload' | 'await' | 'holdsGil' | 'releasesGil';

/** Which steps to change: by handler name, the step and its index in the handler. */
export type StepFilter = (handler: string, step: ScenarioStep, index: number) => boolean;

const onLoop = (step: ScenarioStep) => step.op === 'cpu' || step.op === 'block';

/** A copy of `doc` with `change` made to every stretch on the loop `which` picks. */
export function whatIf(
	doc: ScenarioDocument,
	which: StepFilter,
	change: StretchChange
): ScenarioDocument {
	const handlers: ScenarioDocument['handlers'] = {};
	for (const [name, { steps }] of Object.entries(doc.handlers))
		handlers[name] = {
			steps: steps.map((step, i) =>
				onLoop(step) && which(name, step, i) ? changed(step, change) : step
			)
		};
	const slug = change.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
	return { ...doc, id: `${doc.id}-${slug}`, title: `${doc.title}, ${CHANGED[change]}`, handlers };
}

/** How a title says what changed. */
const CHANGED: Record<StretchChange, string> = {
	offload: 'the stretch offloaded',
	await: 'the stretch awaited',
	holdsGil: 'the stretch holding the GIL',
	releasesGil: 'the stretch releasing the GIL'
};

function changed(step: ScenarioStep, change: StretchChange): ScenarioStep {
	const label = step.label === undefined ? {} : { label: step.label };
	switch (change) {
		case 'offload':
			// The pool thread then does what the loop did: wait with the GIL released, or compute.
			return { op: 'offload', ms: step.ms, work: step.op === 'cpu' ? 'cpu' : 'block', ...label };
		case 'await':
			return { op: 'io', ms: step.ms, ...label };
		case 'holdsGil':
			return { op: 'cpu', ms: step.ms, ...label };
		case 'releasesGil':
			return { op: 'block', ms: step.ms, ...label };
	}
}
