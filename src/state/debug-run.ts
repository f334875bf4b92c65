import { simulate, type Frame, type Scenario } from '../../simulations/index';
import { traceLog } from '../views/stage/tools-model';

// Deterministic, so one run per scenario object serves every moment of it.
const memo = new WeakMap<Scenario, Frame['log']>();
const coming = new WeakMap<Scenario, Promise<Frame['log']>>();

/** What the process would print to stderr were the scenario run with asyncio debug mode on. */
export function debugOnLog(scenario: Scenario): Frame['log'] {
	let log = memo.get(scenario);
	if (!log) {
		const on = { ...scenario, runtime: { ...scenario.runtime, debug: true } };
		log = traceLog(simulate(on, { trace: true }).trace ?? []);
		memo.set(scenario, log);
	}
	return log;
}

/**
 * The debug-on log, or the promise of it while it simulates elsewhere (`expectDebugOnLog`): a
 * large scenario's is never simulated on the page's thread.
 */
export function debugOnLogOf(scenario: Scenario): Frame['log'] | Promise<Frame['log']> {
	return memo.get(scenario) ?? coming.get(scenario) ?? debugOnLog(scenario);
}

/**
 * Takes a debug-on log simulated elsewhere (the simulation worker) once it is there. A failed one
 * stays failed: the tools panel says so (nothing waits on it otherwise, so no rejection is left
 * unhandled).
 */
export function expectDebugOnLog(scenario: Scenario, log: Promise<Frame['log']>): void {
	const taken = log.then((l) => {
		memo.set(scenario, l);
		return l;
	});
	taken.catch(() => {});
	coming.set(scenario, taken);
}
