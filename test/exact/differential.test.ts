import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { compareRuns, DIVERGENCES, runExact } from '../../src/exact/index';
import { loadScenario, scenarioFiles } from '../scenario-files';
import { startCPython } from './cpython';

// Every scenario file through the model and through CPython's own loop: same request start and
// end times, same outcome, same background samples and warnings, same order of loop callbacks,
// except where src/exact/divergences.ts allows a difference and says why.
let py: Awaited<ReturnType<typeof startCPython>>;
beforeAll(async () => {
	py = await startCPython();
});

const files = scenarioFiles();

describe('the model and CPython exact mode agree on every scenario file', () => {
	for (const file of files) {
		const scenario = loadScenario(file.path);
		it(file.name, async () => {
			const model = simulate(scenario, { trace: true });
			const { result } = await runExact(py, scenario, { trace: true });
			const c = compareRuns(model, result, scenario);
			expect(c.agree, c.firstDivergence?.why).toBe(true);
		});
	}
});

describe('the table of allowed divergences', () => {
	it('every entry that names scenarios names existing ones, and says why', () => {
		const ids = new Set(files.map((f) => loadScenario(f.path).id));
		for (const d of DIVERGENCES) {
			expect(d.why.length).toBeGreaterThan(40);
			for (const id of d.scenarios) expect(ids.has(id), `${d.id}: ${id}`).toBe(true);
		}
	});

	it('every entry is needed by some scenario file', async () => {
		const used = new Set<string>();
		for (const file of files) {
			const scenario = loadScenario(file.path);
			const model = simulate(scenario, { trace: true });
			const { result } = await runExact(py, scenario, { trace: true });
			compareRuns(model, result, scenario).allowed.forEach((a) => used.add(a));
		}
		expect([...used].sort()).toEqual(DIVERGENCES.map((d) => d.id).sort());
	});
});
