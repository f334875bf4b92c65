import {
	createFramer,
	simulate,
	type Frame,
	type Framer,
	type Scenario,
	type SimResult
} from '../../simulations/index';
import { shownCode } from '../content/shown-code';
import { buildTimeline, type TimelineModel } from '../views/stage/timeline-model';
import { RunDigest, type DigestParts } from './run-digest';

/** One simulated variant: its result, random access to its frames, and its timeline lanes. */
export interface VariantRun {
	name: string;
	label: string;
	/** The scenario simulated (with the learner's numbers, where they changed it). */
	scenario: Scenario;
	result: SimResult;
	/** Frames by event count and by exact time (`atTime(t).t === t`). */
	framer: Framer;
	frameAt: (n: number) => Frame;
	/** The times of the trace's events, in order: where play slows down to show them. */
	eventTimes: readonly number[];
	timeline: TimelineModel;
	code: string | null;
	/** What the views read of the run besides its frames, each part made on first read (or given, `built`). */
	digest: RunDigest;
}

/**
 * Simulates a scenario once (deterministic), ready for every view and every step. `live`: the
 * server waits for more requests until `limitMs` (a live session's run up to its horizon), where
 * a request still running is stopped, not hung: its lane goes on.
 */
export function runVariant(
	name: string,
	label: string,
	scenario: Scenario,
	{ live = false }: { live?: boolean } = {}
): VariantRun {
	return variantRunOf(name, label, scenario, simulate(scenario, { trace: true, toLimit: live }));
}

/** The timeline's lanes of a traced run (a run stopped at its limit is not hung: its lanes go on). */
export function timelineOf(result: SimResult): TimelineModel {
	return buildTimeline(result.trace ?? [], result.endMs, result.hung?.atMs ?? null);
}

/**
 * Any engine's traced result of a scenario, ready for the same views (CPython's, for one).
 * `built`: the framer, the events' times, the lanes and the digest, when they were made elsewhere
 * (a run from the simulation worker, taken in slices).
 */
export function variantRunOf(
	name: string,
	label: string,
	scenario: Scenario,
	result: SimResult,
	{
		built
	}: {
		built?: {
			framer: Framer;
			eventTimes: readonly number[];
			timeline: TimelineModel;
			digest: DigestParts;
		};
	} = {}
): VariantRun {
	const trace = result.trace ?? [];
	const framer = built?.framer ?? createFramer(trace);
	return {
		name,
		label,
		scenario,
		result,
		framer,
		frameAt: framer.at,
		eventTimes: built?.eventTimes ?? trace.map((e) => e.t),
		timeline: built?.timeline ?? timelineOf(result),
		code: shownCode(scenario),
		digest: new RunDigest(scenario, result, built?.digest)
	};
}
