import type { Scenario, SimResult } from '../../simulations/index';
import type { runForReal } from '../../src/runtime/interpreter';
import { unresponsive } from '../../src/runtime/unresponsive';
import { fakeEnv } from './fake-env';

/**
 * Runs a scenario for real in the fake environment; a worker blocked for good is reported as the
 * bridge reports it. `run` is injectable so a mutation check can pass a mutated interpreter.
 */
export async function runInFakeEnv(scenario: Scenario, run: typeof runForReal): Promise<SimResult> {
	const { env, drain, blocked } = fakeEnv();
	let result: SimResult | null = null;
	void run(scenario, env).then((r) => (result = r));
	await drain();
	const why = blocked();
	if (why !== null) return unresponsive(scenario, why);
	if (!result) throw new Error(`${scenario.id}: the real run never finished`);
	return result;
}
