import { describe, expect, it } from 'vitest';
import { threadMachine } from '../../../simulations/machines';
import { itMovesAsTabled } from './step';

describe('threadMachine', () => {
	itMovesAsTabled(threadMachine, [
		['idle', 'WANT_GIL', 'wantsGil'],
		['wantsGil', 'RUN', 'running'],
		['running', 'YIELD_GIL', 'wantsGil'],
		['running', 'BLOCK', 'blocked'],
		['running', 'SELECT', 'selecting'],
		['running', 'IDLE', 'idle'],
		['blocked', 'WANT_GIL', 'wantsGil'],
		['selecting', 'WANT_GIL', 'wantsGil']
	]);

	it('a thread runs Python only after wanting the GIL', () => {
		expect(threadMachine.states.idle.on).not.toHaveProperty('RUN');
		expect(threadMachine.states.blocked.on).not.toHaveProperty('RUN');
	});
});
