import { describe, expect, it } from 'vitest';
import {
	planSweep,
	sweep,
	sweepOptions,
	sweepValues,
	type SweepParam
} from '../../../simulations/sweep/index';
import { parseScenario } from '../../../simulations/text';

const DOC = {
	format: 'event-loop-lab/scenario@1',
	id: 'mixed',
	title: 'Mixed',
	runtime: { threads: 4, threadsStarted: 3 },
	handlers: {
		upload: {
			steps: [
				{ op: 'cpu', ms: 10, line: 2 },
				{ op: 'lock', name: 'l', kind: 'asyncio', steps: [{ op: 'block', ms: 100 }] },
				{
					op: 'gather',
					branches: [[{ op: 'io', ms: 30 }], [{ op: 'offload', ms: 40, work: 'cpu' }]]
				}
			]
		}
	},
	arrivals: [{ handler: 'upload', count: 3, everyMs: 50 }],
	background: [{ kind: 'lagMonitor', everyMs: 100, startMs: -250 }]
};

const scenario = () => {
	const parsed = parseScenario(DOC);
	if (!parsed.ok) throw new Error(parsed.errors[0].message);
	return parsed.scenario;
};

/** The scenario document a one-point sweep runs, read back through its run's figures. */
function pointAt(param: SweepParam, value: number) {
	const [point] = sweep(DOC, { param, values: [value] });
	return point;
}

describe('sweepOptions(doc, scenario)', () => {
	it('lists count and rate per arrivals entry, the pool, and every timed step, nested ones too', () => {
		const targets = sweepOptions(DOC, scenario()).map((o) => `${o.param.kind} ${o.target}`);
		expect(targets).toEqual([
			'requestCount arrivals[0]: upload',
			'requestRate arrivals[0]: upload',
			'poolSize runtime.threads',
			'workMs handlers.upload.steps[0] (cpu)',
			'blockingShare handlers.upload.steps[0] (cpu)',
			'workMs handlers.upload.steps[1].steps[0] (block)',
			'blockingShare handlers.upload.steps[1].steps[0] (block)',
			'workMs handlers.upload.steps[2].branches[0][0] (io)',
			'workMs handlers.upload.steps[2].branches[1][0] (offload)',
			'blockingShare handlers.upload.steps[2].branches[1][0] (offload)'
		]);
		const current = sweepOptions(DOC, scenario()).map((o) => o.current);
		expect(current).toEqual([3, 20, 4, 10, 1, 100, 1, 30, 40, 0]);
	});
});

describe('sweep(doc, {param, values})', () => {
	it('requestCount sets the arrivals entry’s count', () => {
		const p = pointAt({ kind: 'requestCount', arrival: 0 }, 7);
		expect(p.ok && p.requests).toBe(7);
	});

	it('requestRate spaces the arrivals 1000 / rate ms apart', () => {
		// Two arrivals per second: the third request arrives at 1 s, so the last answer is later.
		const slow = pointAt({ kind: 'requestRate', arrival: 0 }, 2);
		const fast = pointAt({ kind: 'requestRate', arrival: 0 }, 1000);
		expect(slow.ok && slow.endMs).toBeGreaterThan(1000);
		expect(fast.ok && fast.endMs).toBeLessThan(1000);
	});

	it('poolSize lowers threadsStarted to fit the pool, and 0 means no thread can start', () => {
		expect(pointAt({ kind: 'poolSize' }, 1).ok).toBe(true);
		const none = pointAt({ kind: 'poolSize' }, 0);
		// The offload raises "can't start new thread": every request fails.
		expect(none.ok && none.failed).toBe(3);
	});

	it('workMs sets one step’s ms and no other', () => {
		const step = ['handlers', 'upload', 'steps', 1, 'steps', 0];
		const short = pointAt({ kind: 'workMs', step }, 0);
		const long = pointAt({ kind: 'workMs', step }, 1000);
		expect(long.ok && short.ok && long.p99Ms! - short.p99Ms!).toBeGreaterThan(2000);
	});

	it('blockingShare 0 offloads the whole block, 1 keeps it on the loop; lag follows the share', () => {
		const step = ['handlers', 'upload', 'steps', 1, 'steps', 0];
		const points = sweep(DOC, { param: { kind: 'blockingShare', step }, values: [0, 0.5, 1] });
		const lags = points.map((p) => (p.ok ? p.maxLagMs! : NaN));
		expect(lags[0]).toBeLessThan(15);
		expect(lags[1]).toBeGreaterThan(lags[0]);
		expect(lags[2]).toBeGreaterThan(lags[1]);
	});

	it('a value the scenario refuses becomes a point with the validator’s message', () => {
		const [p] = sweep(DOC, {
			param: { kind: 'workMs', step: ['handlers', 'upload', 'steps', 0] },
			values: [-5]
		});
		expect(p.ok).toBe(false);
		expect(!p.ok && p.problem).toMatch(/handlers\.upload\.steps\[0\]\.ms/);
	});

	it('leaves the document it was given as it was', () => {
		const before = JSON.stringify(DOC);
		sweep(DOC, {
			param: { kind: 'blockingShare', step: ['handlers', 'upload', 'steps', 0] },
			values: [0.3]
		});
		expect(JSON.stringify(DOC)).toBe(before);
	});
});

describe('planSweep(doc, param, range)', () => {
	const count: SweepParam = { kind: 'requestCount', arrival: 0 };
	it.each([
		[{ from: 0, to: 10, points: 5 }, /^From: expected a request count from 1 to 100000, found 0$/],
		[{ from: 1, to: 2.5, points: 5 }, /^To: expected a whole number, found 2.5$/],
		[{ from: 1, to: 10, points: 51 }, /^Points: expected a whole number from 2 to 50, found 51$/],
		[{ from: 4, to: 4, points: 3 }, /^To: expected a value other than From$/],
		[{ from: NaN, to: 4, points: 3 }, /^From: .* found nothing$/]
	])('%o is refused, naming the field', (range, message) => {
		const plan = planSweep(DOC, count, range);
		expect(plan.ok).toBe(false);
		expect(!plan.ok && plan.problems[0]).toMatch(message);
	});

	it('refuses a parameter the scenario does not have', () => {
		const plan = planSweep(
			DOC,
			{ kind: 'requestCount', arrival: 3 },
			{ from: 1, to: 2, points: 2 }
		);
		expect(!plan.ok && plan.problems).toEqual(['this scenario has no such parameter']);
	});

	it('plans the same with the scenario already parsed, as the page has it', () => {
		const parsed = parseScenario(DOC);
		if (!parsed.ok) throw new Error('the sweep tests need a valid scenario');
		const range = { from: 1, to: 20, points: 5 };
		expect(planSweep(DOC, count, range, parsed.scenario)).toEqual(planSweep(DOC, count, range));
	});
});

describe('sweepValues(from, to, points, integer)', () => {
	it.each([
		[1, 20, 20, true, Array.from({ length: 20 }, (_, i) => i + 1)],
		[1, 3, 5, true, [1, 2, 3]],
		[0, 1, 5, false, [0, 0.25, 0.5, 0.75, 1]],
		[10, 0, 3, false, [10, 5, 0]]
	])('(%d, %d, %d, %s) → %o', (from, to, n, integer, values) => {
		expect(sweepValues(from, to, n, integer)).toEqual(values);
	});
});
