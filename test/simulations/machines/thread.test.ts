import { describe, expect, it } from 'vitest';
import { threadMachine } from '../../../simulations/machines';
import { step } from './step';

describe('threadMachine', () => {
	const cases: [string, string, string][] = [
		['idle', 'WANT_GIL', 'wantsGil'],
		['wantsGil', 'RUN', 'running'],
		['running', 'YIELD_GIL', 'wantsGil'],
		['running', 'BLOCK', 'blocked'],
		['running', 'SELECT', 'selecting'],
		['running', 'IDLE', 'idle'],
		['blocked', 'WANT_GIL', 'wantsGil'],
		['selecting', 'WANT_GIL', 'wantsGil']
	];
	for (const [from, type, to] of cases) {
		it(`${from} + ${type} → ${to}`, () => expect(step(threadMachine, from, { type })[0]).toBe(to));
	}

	it('a thread runs Python only after wanting the GIL', () => {
		expect(threadMachine.states.idle.on).not.toHaveProperty('RUN');
		expect(threadMachine.states.blocked.on).not.toHaveProperty('RUN');
	});
});
