import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../simulations/index';
import { compareRuns } from '../../src/exact/index';
import { loadScenario } from '../scenario-files';

// compareRuns is the one comparison of the differential test and of the page's badge; here a
// deliberately wrong "exact" run (a test double) stands in for CPython.
const scenario = loadScenario('lessons/02-blocking-vs-offloaded/time-sleep.json');
const model = simulate(scenario, { trace: true });
const clone = (): SimResult => JSON.parse(JSON.stringify(model));

describe('compareRuns(model, exact)', () => {
	it('agrees with itself: no divergence, no diffs', () => {
		const c = compareRuns(model, clone());
		expect(c).toMatchObject({ agree: true, firstDivergence: null, allowed: [], differs: [] });
		expect(c.requests.map((r) => [r.id, r.startDiffMs, r.endDiffMs])).toEqual(
			['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => [id, 0, 0])
		);
	});

	it('reports a request that ends later, with its diff', () => {
		const wrong = clone();
		wrong.requests[2].endMs = 650;
		const c = compareRuns(model, wrong);
		expect(c.agree).toBe(false);
		expect(c.differs).toEqual(['times']);
		expect(c.requests[2].endDiffMs).toBe(50);
		expect(c.firstDivergence?.why).toBe('r3 ends at 600 ms in the model, 650 ms on CPython');
	});

	it('names the first diverging loop callback, with both events', () => {
		const wrong = clone();
		const runs = (wrong.trace ?? []).filter((e) => e.type === 'run');
		const [a, b] = [runs[5], runs[6]];
		if (a.type !== 'run' || b.type !== 'run') throw new Error('runs expected');
		[a.detail.cb, b.detail.cb] = [b.detail.cb, a.detail.cb];
		const c = compareRuns(model, wrong);
		expect(c.agree).toBe(false);
		expect(c.differs).toEqual(['order']);
		expect(c.firstDivergence?.index).toBe(5);
		expect(c.firstDivergence?.model?.type).toBe('run');
		expect(c.firstDivergence?.why).toMatch(/^callback 6: the model runs .* CPython runs /);
	});

	it('compares warnings by time, task and duration, never by their text', () => {
		const withWarning = (message: string): SimResult => ({
			...clone(),
			warnings: [{ atMs: 200, kind: 'slowCallback', task: 'r1', ms: 200, message }]
		});
		const a = withWarning(
			'Executing <Task finished … /usr/local/lib/python3.11 …> took 0.200 seconds'
		);
		const b = withWarning('Executing <Task finished … /lab/lab_scenario.py …> took 0.200 seconds');
		expect(compareRuns(a, b).agree).toBe(true);
		expect(compareRuns(a, { ...b, warnings: [] }).differs).toEqual(['warnings']);
	});

	it('an allowed divergence covers what it names, and says which applied', () => {
		const gil = loadScenario('lessons/04-gil-and-pool/four.json');
		const m = simulate(gil);
		const wrong: SimResult = { ...m, requests: m.requests.map((r) => ({ ...r, endMs: 50 })) };
		const c = compareRuns(m, wrong, gil);
		expect(c.agree).toBe(true);
		expect(c.allowed).toContain('gil-not-modelled');
	});
});
