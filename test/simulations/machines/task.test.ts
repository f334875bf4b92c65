import { describe, expect, it } from 'vitest';
import { taskMachine } from '../../../simulations/machines';
import { itMovesAsTabled, step } from './step';

describe('taskMachine', () => {
	itMovesAsTabled(taskMachine, [
		['pending', 'SCHEDULE', 'ready'],
		['pending', 'AWAIT', 'waiting'],
		['ready', 'RUN_STEP', 'running'],
		['running', 'AWAIT', 'waiting'],
		['running', 'YIELD', 'ready'],
		['running', 'BLOCK_LOOP_THREAD', 'running'],
		['running', 'RETURN', 'done'],
		['running', 'RAISE', 'failed'],
		['waiting', 'SCHEDULE', 'ready']
	]);

	it('a waiting task cannot run a step before it is scheduled', () => {
		expect(step(taskMachine, 'waiting', { type: 'RUN_STEP' })[0]).toBe('waiting');
		expect(taskMachine.states.waiting.on).not.toHaveProperty('RUN_STEP');
	});
});
