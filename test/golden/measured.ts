import { expect } from 'vitest';
import { simulate, type SimResult } from '../../simulations/index';
import { loadScenario } from '../scenario-files';

/** Runs a lesson variant (`lessons/<lesson>/<variant>`) or an engine edge case (`test/scenarios/<name>`). */
export const run = (file: string): SimResult => simulate(loadScenario(`${file}.json`));

/** End times of the requests whose ids start with `prefix`, in request order. */
export const ends = (r: SimResult, prefix = 'r'): number[] =>
	r.requests.filter((q) => q.id.startsWith(prefix)).map((q) => q.endMs as number);

/** Each figure within `tol` ms of the measured one, in order. */
export const near = (actual: number[], expected: number[], tol: number): void => {
	expect(actual).toHaveLength(expected.length);
	actual.forEach((a, i) =>
		expect(Math.abs(a - expected[i]), `#${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tol)
	);
};
