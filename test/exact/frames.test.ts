import { beforeAll, describe, expect, it } from 'vitest';
import { createFramer, frameViolations } from '../../simulations/index';
import { runExact } from '../../src/exact/index';
import { loadScenario, scenarioFiles } from '../scenario-files';
import { startCPython } from './cpython';

// The views draw a CPython run's trace unchanged: every frame it gives must be consistent, by the
// same invariants the model's frames keep.
let py: Awaited<ReturnType<typeof startCPython>>;
beforeAll(async () => {
	py = await startCPython();
});

describe("every frame of a CPython run's trace is consistent", () => {
	for (const file of scenarioFiles()) {
		const scenario = loadScenario(file.path);
		it(file.name, async () => {
			const { result } = await runExact(py, scenario, { trace: true });
			const framer = createFramer(result.trace ?? []);
			const bad: string[] = [];
			for (let i = 0; i <= (result.trace ?? []).length && bad.length < 3; i++) {
				for (const v of frameViolations(framer.at(i))) bad.push(`frame ${i}: ${v}`);
			}
			expect(bad).toEqual([]);
		});
	}
});
