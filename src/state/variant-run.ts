import {
	createFramer,
	simulate,
	type Frame,
	type Scenario,
	type SimResult
} from '../../simulations/index';
import { buildTimeline, type TimelineModel } from '../views/stage/timeline-model';

/** One simulated variant: its result, random access to its frames, and its timeline lanes. */
export interface VariantRun {
	name: string;
	label: string;
	result: SimResult;
	frameAt: (n: number) => Frame;
	timeline: TimelineModel;
	code: string | null;
}

/** Simulates a scenario once (deterministic), ready for every view and every step. */
export function runVariant(name: string, label: string, scenario: Scenario): VariantRun {
	const result = simulate(scenario, { trace: true });
	const handler = Object.values(scenario.handlers).find((h) => h.code);
	return {
		name,
		label,
		result,
		frameAt: createFramer(result.trace ?? []).at,
		timeline: buildTimeline(result.trace ?? [], result.endMs, result.hung?.atMs ?? null),
		code: handler?.code ?? null
	};
}
