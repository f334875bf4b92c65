import type { SimResult } from './result';
import { assembleResult } from './rules/result';
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
	const result = assembleResult(sim.scenario, {
		endMs: sim.now(),
		hung: sim.hung,
		stopped: sim.stopped,
		requests: sim.requests,
		heartbeats: sim.heartbeats,
		lag: sim.lag,
		warnings: sim.warnings
	});
	if (withTrace && sim.trace) result.trace = sim.trace;
	return result;
}
