import { existsSync, readFileSync } from 'node:fs';
import type { simulate } from '../../../simulations/index';
import type { runForReal } from '../../../src/runtime/interpreter';
import { formatLanes } from '../../golden/lanes';
import { compared, judge } from '../../runtime/differential';
import { runInFakeEnv } from '../../runtime/fake-run';
import { loadScenario, scenarioFiles } from '../../scenario-files';

/** The golden suite's check, for a given engine: the first scenario whose timeline is not its golden. */
export function firstGoldenMismatch(engine: { simulate: typeof simulate }): string | null {
	for (const { name, path } of scenarioFiles()) {
		const golden = `test/golden/${name}.timeline.txt`;
		if (!existsSync(golden)) continue;
		const actual = formatLanes(engine.simulate(loadScenario(path), { trace: true }));
		if (actual !== readFileSync(golden, 'utf8')) return name;
	}
	return null;
}

/** The differential test's check, for a given pair of engines: the first scenario they disagree on. */
export async function firstDisagreement(
	sim: typeof simulate,
	real: typeof runForReal
): Promise<string | null> {
	for (const { name, path } of scenarioFiles()) {
		const scenario = compared(loadScenario(path));
		const verdict = judge(scenario, sim(scenario), await runInFakeEnv(scenario, real));
		if (verdict.unexplained.length > 0) return name;
	}
	return null;
}
