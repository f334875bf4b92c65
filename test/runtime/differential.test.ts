import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { runForReal } from '../../src/runtime/interpreter';
import { loadScenario, scenarioFiles } from '../scenario-files';
import { ALLOWANCES, compared, differences, judge, type Verdict } from './differential';
import { runInFakeEnv } from './fake-run';

// Every scenario file (lessons and test/scenarios, discovered) runs through the engine and the
// real interpreter in the fake env; they must agree except where the table of allowances says.
describe('the engine and runForReal agree on every scenario file', () => {
	const verdicts = new Map<string, Verdict>();
	for (const { name, path } of scenarioFiles()) {
		it(`${name}: same outcome, statuses, errors, end order and times, or an allowance`, async () => {
			const scenario = compared(loadScenario(path));
			const engine = simulate(scenario);
			const real = await runInFakeEnv(scenario, runForReal);
			const verdict = judge(scenario, engine, real);
			verdicts.set(name, verdict);
			expect(verdict.unexplained, JSON.stringify({ engine, real }, null, 1)).toEqual([]);
		});
	}

	it('reports which scenarios agree fully and which fell under which allowance', () => {
		const lines = [...verdicts].map(
			([name, v]) =>
				`${v.differs.length === 0 ? 'agrees' : `differs in ${v.differs.join(', ')} (${v.allowances.join('; ')})`}: ${name}`
		);
		console.log(`differential: ${lines.length} scenarios\n${lines.sort().join('\n')}`);
		// An allowance that no difference needs (the others would cover it) is dead weight: it must go.
		for (const a of ALLOWANCES) {
			const needed = [...verdicts.values()].some((v) => {
				const others = ALLOWANCES.filter((o) => o !== a && v.allowances.includes(o.name));
				const covered = new Set(others.flatMap((o) => o.fields));
				return v.allowances.includes(a.name) && v.differs.some((f) => !covered.has(f));
			});
			expect(needed, `allowance "${a.name}" explains no difference`).toBe(true);
		}
	});

	it('F20: the double run of a refused submit ends at the same times in both engines', async () => {
		const scenario = compared(loadScenario('test/scenarios/f20-double-run-burst.json'));
		const real = await runInFakeEnv(scenario, runForReal);
		expect(real.requests.map((q) => q.endMs)).toEqual([202, 202, 600, 402, 1000]);
		expect(differences(simulate(scenario), real)).toEqual([]);
	});
});
