import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createStepper, factEvents } from '../../../simulations/machines/stepper';

const machine = setup({
	types: {} as { events: { type: 'GO'; ready: boolean } | { type: 'NOOP' } },
	guards: { isReady: ({ event }) => event.type === 'GO' && event.ready },
	actions: { start: () => {}, wait: () => {} }
}).createMachine({
	id: 'demo',
	initial: 'a',
	states: {
		a: {
			on: { GO: [{ guard: 'isReady', target: 'b', actions: 'start' }, { actions: 'wait' }] }
		},
		b: { on: { NOOP: {} } }
	}
});

describe('createStepper(machine)', () => {
	const step = createStepper<'a' | 'b', { type: 'GO'; ready: boolean } | { type: 'NOOP' }, string>(
		machine
	);

	it('returns the next state and the named actions, chosen by the guard inputs on the event', () => {
		expect(step('a', { type: 'GO', ready: true })).toEqual({
			value: 'b',
			actions: [{ type: 'start' }]
		});
		expect(step('a', { type: 'GO', ready: false })).toEqual({
			value: 'a',
			actions: [{ type: 'wait' }]
		});
	});

	it('memoises per (state, event object); factEvents gives one object per guard inputs', () => {
		const go = factEvents<{ type: 'GO'; ready: boolean }>('GO', ['ready']);
		expect(go(true)).toBe(go(true));
		expect(go(false)).toEqual({ type: 'GO', ready: false });
		const first = step('a', go(true));
		expect(step('a', go(true))).toBe(first);
		expect(step('a', go(false))).not.toBe(first);
	});

	it('accepts an explicit no-op and throws on an event the state has no transition for', () => {
		expect(step('b', { type: 'NOOP' })).toEqual({ value: 'b', actions: [] });
		expect(() => step('b', { type: 'GO', ready: true })).toThrow(
			/demo machine: event GO is not accepted in state b/
		);
	});
});
