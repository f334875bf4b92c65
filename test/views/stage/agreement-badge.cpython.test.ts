import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../../cli/lesson-files';
import type { Lesson } from '../../../src/content/types';
import { compareRuns, runExact } from '../../../src/exact/index';
import { loadPyodideInNode } from '../../../src/exact/load-node';
import { exactLine } from '../../../src/views/stage/agreement-badge';
import { simulate, type SimResult } from '../../../simulations/index';

// The badge against real CPython (Pyodide in Node, a cold start of seconds), and against a
// deliberately wrong model: a test double whose trace has one timer fire late.
const lesson = (await readLessonFiles('lessons', 'blocking-vs-offloaded')) as Lesson;
const scenario = lesson.variants[0].scenario;
const py = await loadPyodideInNode();
const exact = (await runExact(py, scenario, { trace: true })).result;
const model = simulate(scenario, { trace: true });

/** The model with every event from the `n`-th callback on 50 ms later, and each request's end too. */
function lateModel(result: SimResult, n: number): SimResult {
	const trace = result.trace ?? [];
	const from = trace.filter((e) => e.type === 'run')[n]?.seq ?? 0;
	return {
		...result,
		requests: result.requests.map((r) => ({ ...r, endMs: r.endMs === null ? null : r.endMs + 50 })),
		trace: trace.map((e) => (e.seq >= from ? { ...e, t: e.t + 50 } : e))
	};
}

describe('the agreement badge on a lesson variant run on CPython', () => {
	it('says the model equals CPython for the lesson as it is', () => {
		const line = exactLine(compareRuns(model, exact, scenario), 'done');
		expect([line.state, line.label]).toEqual(['agree', 'Model = CPython']);
	});

	it('shows a wrong model as a mismatch with its first diverging event', () => {
		const comparison = compareRuns(lateModel(model, 2), exact, scenario);
		const line = exactLine(comparison, 'done');
		expect([line.state, line.label]).toEqual(['differ', 'Model ≠ CPython']);
		expect(comparison.firstDivergence).not.toBeNull();
		expect(line.detail).toContain('first divergence');
		expect(line.detail).toContain(comparison.firstDivergence?.why ?? '?');
	});
});
