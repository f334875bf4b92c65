import { describe, expect, it } from 'vitest';
import { createFramer, frameViolations, simulate } from '../../simulations/index';
import { loadScenario, scenarioFiles } from '../scenario-files';

// Every frame a view can draw: after each event, and at each distinct event time.
describe('frame invariants over every scenario file', () => {
	for (const { name, path } of scenarioFiles()) {
		it(`${name}: every frame is consistent`, () => {
			const trace = simulate(loadScenario(path), { trace: true }).trace ?? [];
			const framer = createFramer(trace);
			const problems: string[] = [];
			const report = (where: string, found: string[]) => {
				for (const p of found) if (problems.length < 20) problems.push(`${where}: ${p}`);
			};
			for (let n = 0; n <= trace.length; n++) {
				const last = trace[n - 1];
				report(
					`after #${n} (${last ? `${last.t} ms ${last.actor} ${last.type}` : 'start'})`,
					frameViolations(framer.at(n))
				);
			}
			for (const t of new Set(trace.map((e) => e.t)))
				report(`at ${t} ms`, frameViolations(framer.atTime(t)));
			expect(problems).toEqual([]);
		});
	}
});
