import { describe, expect, it } from 'vitest';
import { createFramer, type TraceBody, type TraceEvent } from '../../simulations/index';

function trace(...events: [number, string, TraceBody][]): TraceEvent[] {
	return events.map(([t, actor, body], seq) => ({ t, seq, actor, ...body }) as TraceEvent);
}

const events = trace(
	[0, 'loop', { type: 'timer', detail: { id: 0, at: 5, cb: 'sleep done → r1' } }],
	[0, 'r1', { type: 'arrive', detail: { waitsAt: 'selector' } }],
	[8, 'loop', { type: 'enqueue', detail: { cb: 'read request r1', via: 'io', request: 'r1' } }],
	[8, 'loop', { type: 'batch', detail: { n: 1 } }],
	[8, 'loop', { type: 'run', detail: { cb: 'read request r1' } }]
);

describe('createFramer', () => {
	it('atTime(t) applies every event at or before t and draws exactly t', () => {
		const framer = createFramer(events);
		const f = framer.atTime(7);
		expect(f.t).toBe(7);
		expect(f.index).toBe(2);
		// Due at 5 but not yet collected: still a timer, overdue at 7.
		expect(f.loop.timers.map((t) => t.at)).toEqual([5]);
		expect(f.unread).toEqual(['r1']);
		expect(framer.atTime(8).index).toBe(5);
		expect(framer.atTime(-1).index).toBe(0);
	});

	it('at(n) is the state after n events; the batch counts down as callbacks start', () => {
		const framer = createFramer(events);
		expect(framer.at(3).unread).toEqual([]);
		expect(framer.at(4).loop.batch).toBe(1);
		expect(framer.at(5).loop.batch).toBe(0);
		expect(framer.at(5).t).toBe(8);
		expect(framer.at(99)).toEqual(framer.at(5));
	});
});
