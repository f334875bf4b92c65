// What the trace-reading worker does, as plain functions (tested without a worker): read the
// file, make its scenario, run the model on it for the latencies, and list its stalls at any
// threshold. All of it grows with the file, so none of it runs on the page's thread.
import { simulate } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';
import {
	findStalls,
	importTrace,
	STALL_MS,
	toScenario,
	type ScenarioDocument,
	type Stall,
	type TraceModel
} from '../../traces/index';
import { latencyPairs, type LatencyPair } from './latency-pairs';
import { requestNames } from './request-names';

/** A file read: what the page shows of it, or what is missing (the importer's words). */
export type TraceRead =
	| {
			ok: true;
			model: TraceModel;
			scenario: ScenarioDocument;
			/** Each request's name on the page, by the recorder's id. */
			names: Map<string, string>;
			/** Recorded and model latencies; null when the model cannot run the scenario. */
			pairs: LatencyPair[] | null;
			stalls: Stall[];
	  }
	| { ok: false; message: string };

/** The worker's API: one file at a time. */
export interface TraceApi {
	/** Reads the file; `phase` hears what it is doing, for the page's status line. */
	open(file: Blob, phase?: (what: string) => void): Promise<TraceRead>;
	/** The stalls of the file read last, at another threshold. */
	stalls(thresholdMs: number): Stall[];
}

/** The API over one model at a time. */
export function createTraceApi(): TraceApi {
	let model: TraceModel | null = null;
	return {
		async open(file, phase = () => {}) {
			phase('reading the JSON');
			const imported = importTrace(await file.text());
			if (!imported.ok) return imported;
			model = imported.model;
			phase('making the scenario');
			const scenario = toScenario(model);
			const names = requestNames(model, scenario);
			phase('running the model');
			const parsed = parseScenario(JSON.stringify(scenario));
			const pairs =
				parsed.ok && scenario.requests.length > 0
					? latencyPairs(model, names, simulate(parsed.scenario))
					: null;
			phase('finding the stalls');
			return { ok: true, model, scenario, names, pairs, stalls: findStalls(model, STALL_MS) };
		},
		stalls: (thresholdMs) => (model ? findStalls(model, thresholdMs) : [])
	};
}
