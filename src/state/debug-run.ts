import { simulate, type Frame, type Scenario } from '../../simulations/index';
import { traceLog } from '../views/stage/tools-model';

// Deterministic, so one run per scenario object serves every moment of it.
const memo = new WeakMap<Scenario, Frame['log']>();

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

/** Keeps a debug-on log made elsewhere (the simulation worker), so the page need not simulate it. */
export function rememberDebugOnLog(scenario: Scenario, log: Frame['log']): void {
	memo.set(scenario, log);
}
