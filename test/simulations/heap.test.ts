import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../simulations/heap';

type Entry = { at: number; seq: number };
const byAtSeq = (a: Entry, b: Entry) => a.at - b.at || a.seq - b.seq;

describe('MinHeap', () => {
	it('pops by (at, seq) and sorted() does not disturb it', () => {
		const heap = new MinHeap<Entry>();
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

	it('pops what a sorted list would, through any pushes, pops and retains', () => {
		const op = fc.oneof(
			fc.record({ push: fc.integer({ min: 0, max: 20 }) }),
			fc.constant({ pop: true }),
			fc.record({ retainOdd: fc.boolean() })
		);
		fc.assert(
			fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
				const heap = new MinHeap<Entry>();
				let model: Entry[] = [];
				let seq = 0;
				for (const o of ops) {
					if ('push' in o) {
						const e = { at: o.push, seq: seq++ };
						heap.push(e);
						model.push(e);
						model.sort(byAtSeq);
					} else if ('pop' in o) {
						expect(heap.pop()).toBe(model.shift());
					} else {
						const keep = (e: Entry) => (e.seq % 2 === 1) === o.retainOdd;
						heap.retain(keep);
						model = model.filter(keep);
					}
					expect(heap.size).toBe(model.length);
					expect(heap.peek()).toBe(model[0]);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
