import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../simulations/heap';

describe('MinHeap', () => {
	it('pops by (at, seq) and sorted() does not disturb it', () => {
		const heap = new MinHeap<{ at: number; seq: number }>();
		[5, 1, 4, 1, 3].forEach((at, seq) => heap.push({ at, seq }));
		expect(heap.sorted().map((e) => `${e.at}.${e.seq}`)).toEqual([
			'1.1',
			'1.3',
			'3.4',
			'4.2',
			'5.0'
		]);
		expect([1, 2, 3, 4, 5].map(() => heap.pop()?.seq)).toEqual([1, 3, 4, 2, 0]);
		expect(heap.pop()).toBeUndefined();
	});
});
