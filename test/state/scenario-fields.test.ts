import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulations/index';
import { OPS, STEP_FIELDS, freshName, stepOf } from '../../src/state/scenario-fields';

describe('stepOf(op, old)', () => {
	for (const { op } of OPS) {
		it(`makes a ${op} step the engine accepts, with a field for each of its own keys`, () => {
			const step = stepOf(op, { op: 'cpu', ms: 1, label: 'kept', line: 1, colour: 'dropped' });
			expect(step).toMatchObject({ op, label: 'kept', line: 1 });
			expect(step).not.toHaveProperty('colour');
			const parsed = parseScenario({
				format: 'event-loop-lab/scenario@1',
				id: 'x',
				title: 'x',
				handlers: { h: { code: 'a\nb', steps: [step] } },
				requests: [{ id: 'r1', at: 0, handler: 'h' }]
			});
			expect(parsed.ok ? [] : parsed.errors).toEqual([]);
			const own = Object.keys(step).filter((k) => !['op', 'label', 'line'].includes(k));
			const shown = [...STEP_FIELDS[op].map((f) => f.key), 'steps', 'branches'];
			expect(own.filter((k) => !shown.includes(k))).toEqual([]);
		});
	}

	it('keeps the duration and work where the new kind has them', () => {
		const block = { op: 'block', ms: 200, label: 'write', line: 3 };
		expect(stepOf('offload', block)).toEqual({
			op: 'offload',
			ms: 200,
			work: 'block',
			noThread: 'raise',
			label: 'write',
			line: 3
		});
		expect(stepOf('offload', { op: 'cpu', ms: 40 })).toMatchObject({ ms: 40, work: 'cpu' });
		const offload = { op: 'offload', ms: 80, work: 'cpu', noThread: 'inline' };
		expect(stepOf('sleep', offload)).toEqual({ op: 'sleep', ms: 80 });
		expect(stepOf('rpc', offload)).toMatchObject({ ms: 80, handoff: 'selector' });
		expect(stepOf('offload', offload)).toEqual(offload);
		// Even a duration the engine will refuse is the user's, and stays to be fixed.
		expect(stepOf('io', { op: 'cpu', ms: 'fast' })).toEqual({ op: 'io', ms: 'fast' });
		// Kinds without a duration take none; a template's own stays where the old step had none.
		expect(stepOf('fail', block)).not.toHaveProperty('ms');
		expect(stepOf('block', { op: 'fail', error: 'x' })).toEqual({ op: 'block', ms: 200 });
	});

	it('keeps the nested steps between a lock and a threadsafeResult', () => {
		const steps = [{ op: 'sleep', ms: 7 }];
		const lock = stepOf('lock', { op: 'threadsafeResult', steps, timeoutMs: 5 });
		expect(lock).toEqual({ op: 'lock', name: 'lock', kind: 'thread', steps });
		expect(lock.steps).not.toBe(steps);
		expect(stepOf('threadsafeResult', lock)).toEqual({
			op: 'threadsafeResult',
			steps,
			timeoutMs: 1000
		});
	});

	it('gives each new step its own copy of nested steps', () => {
		const a = stepOf('lock') as { steps: unknown[] };
		a.steps.push('changed');
		expect((stepOf('lock') as { steps: unknown[] }).steps).toHaveLength(1);
	});
});

describe('freshName(prefix, taken)', () => {
	const cases: [string, string[], string][] = [
		['handler', [], 'handler1'],
		['handler', ['upload'], 'handler2'],
		['handler', ['upload', 'handler2'], 'handler3'],
		['q', ['q2', 'q3'], 'q4']
	];
	for (const [prefix, taken, expected] of cases) {
		it(`gives ${expected} for ${prefix} beside ${JSON.stringify(taken)}`, () =>
			expect(freshName(prefix, taken)).toBe(expected));
	}
});
