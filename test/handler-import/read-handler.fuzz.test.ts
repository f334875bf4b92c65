import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulations/index';
import { putHandler } from '../../src/handler-import/put-in-scenario';
import { readHandler } from '../../src/handler-import/read-handler';
import { toHandler } from '../../src/handler-import/to-steps';
import sample from '../../src/sample-scenario.json';
import { HANDLER_CASES } from './handler-cases';

// fast-check prints the seed and the shrunk counterexample of any failure; a failing seed
// becomes a named case in handler-cases.ts.
const SAMPLE = JSON.stringify(sample);

/** A case's code with a slice cut out or another case's lines spliced in: half-typed pastes. */
const edited = fc
	.tuple(
		fc.constantFrom(...HANDLER_CASES.map((c) => c.code)),
		fc.constantFrom(...HANDLER_CASES.map((c) => c.code)),
		fc.nat(),
		fc.nat(),
		fc.boolean()
	)
	.map(([a, b, i, j, splice]) => {
		const at = i % (a.length + 1);
		const to = at + (j % 40);
		return splice ? a.slice(0, at) + b + a.slice(at) : a.slice(0, at) + a.slice(to);
	});

describe('readHandler(code) on edited pastes', () => {
	it('answers a reading or a problem with a line inside the code; a reading makes a valid scenario', () => {
		fc.assert(
			fc.property(edited, (code) => {
				const r = readHandler(code);
				const lines = code.split('\n').length;
				if (!r.ok) {
					expect(r.problem.line).toBeGreaterThanOrEqual(1);
					expect(r.problem.line).toBeLessThanOrEqual(lines);
					expect(r.problem.message).toMatch(/line|function|coroutine|handler/);
					return;
				}
				const text = putHandler(SAMPLE, r.reading.name, toHandler(r.reading), {
					count: 2,
					everyMs: 1,
					alone: true
				});
				const parsed = parseScenario(text);
				expect(parsed.ok ? [] : parsed.errors.map((e) => e.message)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
	});
});
