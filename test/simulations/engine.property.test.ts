import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFramer } from '../../simulations/frame';
import { frameViolations } from '../../simulations/frame-invariants';
import { simulate } from '../../simulations/simulate';
import { liveFrame } from '../../simulations/engine/live-frame';
import { Sim } from '../../simulations/engine/sim';
import type { Step } from '../../simulations/scenario/types';
import { scenarioArb } from './arbitraries';

// fast-check prints the seed and the shrunk counterexample of any failure; a failing seed
// becomes a named case in engine.regressions.test.ts.
/** True when a lock block acquires, nested, a lock of the same name. */
function nestsLock(steps: Step[], held: Set<string>): boolean {
	return steps.some((step) => {
		if (step.op === 'lock') {
			return held.has(step.name) || nestsLock(step.steps, new Set([...held, step.name]));
		}
		if (step.op === 'gather') return step.branches.some((b) => nestsLock(b, held));
		return step.op === 'threadsafeResult' && nestsLock(step.steps, held);
	});
}

const runs = { numRuns: Number(process.env.FC_RUNS ?? 250) };

describe('simulate(scenario) over generated scenarios', () => {
	it('is deterministic: the same scenario gives byte-identical results', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				expect(JSON.stringify(simulate(s, { trace: true }))).toBe(
					JSON.stringify(simulate(structuredClone(s), { trace: true }))
				);
			}),
			runs
		);
	});

	it('loses and duplicates no request, and every request ends or the run is hung with a reason', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const r = simulate(s);
				expect(r.requests.map((q) => q.id)).toEqual(s.requests.map((q) => q.id));
				if (r.outcome === 'completed') {
					expect(r.hung).toBeNull();
					for (const q of r.requests) expect(['ok', 'error']).toContain(q.status);
				} else {
					expect(r.hung?.reason.length).toBeGreaterThan(10);
				}
				for (const q of r.requests) {
					if (q.startMs !== null) expect(q.startMs).toBeGreaterThanOrEqual(q.arriveMs);
					if (q.endMs !== null) expect(q.endMs).toBeGreaterThanOrEqual(q.startMs as number);
					if (q.endMs !== null) expect(q.endMs).toBeLessThanOrEqual(r.endMs);
				}
			}),
			runs
		);
	});

	it('never moves time backwards and numbers the trace in order', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const trace = simulate(s, { trace: true }).trace ?? [];
				trace.forEach((e, i) => {
					expect(e.seq).toBe(i);
					if (i > 0) expect(e.t).toBeGreaterThanOrEqual(trace[i - 1].t);
				});
			}),
			runs
		);
	});

	it('runs at most one callback on the loop at a time', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				let running: string | null = null;
				for (const e of simulate(s, { trace: true }).trace ?? []) {
					if (e.type === 'run') {
						expect(running).toBeNull();
						running = e.detail.cb;
					} else if (e.type === 'return') {
						expect(running).toBe(e.detail.cb);
						running = null;
					}
				}
			}),
			runs
		);
	});

	it('frameAt(n) equals the state the engine reached after the steps that emitted n events', () => {
		fc.assert(
			fc.property(scenarioArb, fc.integer({ min: 0, max: 400 }), (s, steps) => {
				const full = simulate(s, { trace: true }).trace ?? [];
				const sim = new Sim(structuredClone(s), { maxSteps: steps });
				sim.run();
				const partial = sim.trace ?? [];
				expect(partial).toEqual(full.slice(0, partial.length));
				expect(createFramer(full).at(partial.length)).toEqual(liveFrame(sim, partial.length));
			}),
			runs
		);
	});

	it('every frame of a generated run is consistent (frameViolations finds nothing)', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				// A task that acquires a lock it holds waits for itself: the one frame where a holder waits.
				fc.pre(!Object.values(s.handlers).some((h) => nestsLock(h.steps, new Set())));
				const trace = simulate(s, { trace: true }).trace ?? [];
				const framer = createFramer(trace);
				for (let n = 0; n <= trace.length; n++) {
					expect([n, frameViolations(framer.at(n))]).toEqual([n, []]);
				}
			}),
			runs
		);
	});
});
