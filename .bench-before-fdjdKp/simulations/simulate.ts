import { RESULT_FORMAT, roundMs, type SimResult } from './result';
import type { Scenario } from './scenario/types';
import { Sim, type SimOptions } from './engine/sim';

/** Runs a validated scenario to a result@1 document; the same scenario always gives the same bytes. */
export function simulate(scenario: Scenario, options: SimOptions = {}): SimResult {
	const sim = new Sim(scenario, options);
	sim.run();
	return toResult(sim, options.trace === true);
}

/** The result@1 document of a finished run. */
export function toResult(sim: Sim, withTrace: boolean): SimResult {
	const result: SimResult = {
		format: RESULT_FORMAT,
		scenario: sim.scenario.id,
		outcome: sim.hung ? 'hung' : 'completed',
		endMs: roundMs(sim.now()),
		hung: sim.hung,
		requests: sim.requests.map((r) => ({
			...r,
			startMs: r.startMs === null ? null : roundMs(r.startMs),
			endMs: r.endMs === null ? null : roundMs(r.endMs)
		})),
		heartbeats: sim.heartbeats.map(roundMs),
		lag: sim.lag,
		warnings: sim.warnings
	};
	if (withTrace && sim.trace) result.trace = sim.trace;
	return result;
}
