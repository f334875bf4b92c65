import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { loadScenario, scenarioFiles } from '../scenario-files';
import { formatLanes } from './lanes';

// Golden timelines are reviewed files, one lane per actor (see lanes.ts): UPDATE_GOLDEN=1 rewrites
// them; a mismatch writes <name>.timeline.txt.changed beside the golden (ignored by git) so a
// diff shows the change.
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden timelines', () => {
	for (const { name, path } of scenarioFiles()) {
		it(`${name} runs to its reviewed timeline`, () => {
			const actual = formatLanes(simulate(loadScenario(path), { trace: true }));
			const golden = `test/golden/${name}.timeline.txt`;
			const changed = `${golden}.changed`;
			if (update) {
				writeFileSync(golden, actual);
				rmSync(changed, { force: true });
				return;
			}
			const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : null;
			if (expected === actual) {
				rmSync(changed, { force: true });
				return;
			}
			writeFileSync(changed, actual);
			expect.fail(
				expected === null
					? `no golden file ${golden}; run UPDATE_GOLDEN=1 npm run test:unit and review it`
					: `timeline differs from ${golden}; see ${changed} (diff the two files)`
			);
		});

		it(`${name} gives byte-identical results on every run`, () => {
			const scenario = loadScenario(path);
			const a = JSON.stringify(simulate(scenario, { trace: true }));
			const b = JSON.stringify(simulate(loadScenario(path), { trace: true }));
			expect(a).toBe(b);
		});
	}
});
