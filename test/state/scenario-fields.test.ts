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
