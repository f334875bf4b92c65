import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../simulations/index';
import { findAnchor, parseAnchor } from '../../src/content/event-anchor';

describe('parseAnchor(text)', () => {
	it.each([
		['loop select', { actor: 'loop', type: 'select', detail: {}, occurrence: 1 }],
		['loop batch n=6', { actor: 'loop', type: 'batch', detail: { n: '6' }, occurrence: 1 }],
		[
			'loop enqueue cb="table1 step" via=io',
			{ actor: 'loop', type: 'enqueue', detail: { cb: 'table1 step', via: 'io' }, occurrence: 1 }
		],
		[
			'2nd r1 task state=ready on=null',
			{ actor: 'r1', type: 'task', detail: { state: 'ready', on: 'null' }, occurrence: 2 }
		],
		[
			'lock:client_lock lock joined=main/2',
			{ actor: 'lock:client_lock', type: 'lock', detail: { joined: 'main/2' }, occurrence: 1 }
		],
		[
			'loop thread doing="r1: inline fallback, block 200 ms"',
			{
				actor: 'loop',
				type: 'thread',
				detail: { doing: 'r1: inline fallback, block 200 ms' },
				occurrence: 1
			}
		]
	])('reads %s', (text, anchor) => {
		expect(parseAnchor(text)).toEqual(anchor);
	});

	it.each([
		['loop', 'needs an actor and an event type'],
		['loop n=6', 'needs an actor and an event type'],
		['loop selct', 'unknown event type "selct"'],
		['loop batch count=6', 'batch events have no field "count" (fields: n)'],
		['r1 arrive state=ready', 'arrive events have no field "state" (fields: waitsAt)'],
		['heartbeat beat state=ready', 'beat events have no field "state" (fields: none)'],
		['loop batch 6', 'expected field=value, found 6'],
		['0th loop select', 'occurrences count from 1st']
	])('reports %s', (text, message) => {
		expect(parseAnchor(text)).toEqual({ error: expect.stringContaining(message) });
	});
});

describe('findAnchor(trace, t, anchor)', () => {
	const trace: TraceEvent[] = [
		{ t: 0, seq: 0, actor: 'loop', type: 'select', detail: { timeoutMs: null } },
		{ t: 0, seq: 1, actor: 'loop', type: 'batch', detail: { n: 2 } },
		{ t: 5, seq: 2, actor: 'loop', type: 'select', detail: { timeoutMs: 100 } },
		{ t: 5, seq: 3, actor: 'r1', type: 'task', detail: { state: 'ready', on: null } },
		{ t: 9, seq: 4, actor: 'loop', type: 'select', detail: { timeoutMs: 100 } },
		{
			t: 9,
			seq: 5,
			actor: 'lock:l',
			type: 'lock',
			detail: { kind: 'thread', holder: 'a', joined: ['b', 'c'], left: [] }
		}
	];
	const find = (t: number, text: string) => {
		const anchor = parseAnchor(text);
		if ('error' in anchor) throw new Error(anchor.error);
		return findAnchor(trace, t, anchor);
	};

	it.each([
		[0, 'loop select', 0],
		[1, 'loop select', 2],
		[1, '2nd loop select', 4],
		[0, 'loop select timeoutMs=100', 2],
		[0, 'loop select timeoutMs=null', 0],
		[0, 'loop batch n=2', 1],
		[0, 'r1 task state=ready on=null', 3],
		[0, 'lock:l lock joined=b,c holder=a', 5],
		[0, 'r2 task state=ready', -1],
		[6, 'r1 task', -1],
		[0, '4th loop select', -1]
	])('at t=%d finds %s at index %d', (t, text, index) => {
		expect(find(t, text)).toBe(index);
	});
});
