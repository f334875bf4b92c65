import { describe, expect, it } from 'vitest';
import type { Waiter } from '../../../src/traces/index';
import { waiterGroups } from '../../../src/views/trace/waiter-groups';

const waiter = (id: string, addedMs: number, seen: Waiter['seen'] = 'in-loop'): Waiter => ({
	id,
	path: `/p${id}`,
	addedMs,
	seen
});

describe('waiterGroups(waited, names)', () => {
	it('groups requests by the latency added, largest first, exact before "at most", by their page names', () => {
		const names = new Map([
			['1', 'r1'],
			['2', 'r2'],
			['5', 'r4']
		]);
		expect(
			waiterGroups(
				[
					waiter('1', 200.8),
					waiter('5', 200.8, 'before-arrival'),
					waiter('2', 12.5),
					waiter('9', 200.8)
				],
				names
			)
		).toEqual([
			{ addedMs: 200.8, atMost: false, requests: ['r1 /p1', '#9 /p9'] },
			{ addedMs: 12.5, atMost: false, requests: ['r2 /p2'] },
			{ addedMs: 200.8, atMost: true, requests: ['r4 /p5'] }
		]);
	});

	it('has no group when no request waited', () => {
		expect(waiterGroups([], new Map())).toEqual([]);
	});
});
