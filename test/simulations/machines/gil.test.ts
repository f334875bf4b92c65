import { describe, expect, it } from 'vitest';
import { gilMachine } from '../../../simulations/machines';
import { step } from './step';

describe('gilMachine', () => {
	const cases: [string, string, Record<string, unknown>, [string, string[]]][] = [
		['a thread takes the free GIL', 'free', { type: 'WANT_GIL' }, ['held', ['takeGil']]],
		[
			'a second thread queues behind the holder',
			'held',
			{ type: 'WANT_GIL' },
			['held', ['queueWaiter']]
		],
		[
			'a release with waiters hands the GIL to the first one',
			'held',
			{ type: 'RELEASE', hasWaiters: true, returnsAtOnce: false },
			['held', ['handOverToFirstWaiter']]
		],
		[
			'a release without waiters frees it',
			'held',
			{ type: 'RELEASE', hasWaiters: false, returnsAtOnce: false },
			['free', ['freeGil']]
		],
		[
			'a release around a call that returns at once hands nothing over: the caller takes it back (F36)',
			'held',
			{ type: 'RELEASE', hasWaiters: true, returnsAtOnce: true },
			['free', ['freeGil']]
		],
		[
			'a call that returns at once still forces the switch when a drop is requested (F36)',
			'dropRequested',
			{ type: 'RELEASE', hasWaiters: true, returnsAtOnce: true },
			['held', ['handOverToFirstWaiter']]
		],
		[
			'the switch interval elapsed with waiters sets gil_drop_request',
			'held',
			{ type: 'SWITCH_INTERVAL_ELAPSED', hasWaiters: true },
			['dropRequested', ['dropGilRequest']]
		],
		[
			'the switch interval elapsed without waiters changes nothing',
			'held',
			{ type: 'SWITCH_INTERVAL_ELAPSED', hasWaiters: false },
			['held', []]
		],
		[
			'without a drop request the holder carries on past a bytecode boundary',
			'held',
			{ type: 'BYTECODE_BOUNDARY', hasWaiters: true },
			['held', []]
		],
		[
			'with a drop request the holder yields to the first waiter at the boundary',
			'dropRequested',
			{ type: 'BYTECODE_BOUNDARY', hasWaiters: true },
			['held', ['yieldToFirstWaiter']]
		],
		[
			'a release while a drop is requested hands over and clears the request',
			'dropRequested',
			{ type: 'RELEASE', hasWaiters: true, returnsAtOnce: false },
			['held', ['handOverToFirstWaiter']]
		]
	];
	for (const [name, state, event, expected] of cases) {
		it(`${state} + ${event.type}: ${name}`, () =>
			expect(step(gilMachine, state, event as never)).toEqual(expected));
	}
});
