import { describe, expect, it } from 'vitest';
import { createFramer, type TraceEvent } from '../../simulations/index';
import { parseAnchor, type EventAnchor } from '../../src/content/event-anchor';
import { stepFrame } from '../../src/content/step-frame';

// r1 arrives and is read at 0 ms, r2 arrives at 4 ms; nothing happens at 6 ms.
const trace: TraceEvent[] = [
	{ t: 0, seq: 0, actor: 'r1', type: 'arrive', detail: { waitsAt: 'selector' } },
	{ t: 0, seq: 1, actor: 'loop', type: 'enqueue', detail: { cb: 'read request r1', via: 'io' } },
	{ t: 4, seq: 2, actor: 'r2', type: 'arrive', detail: { waitsAt: 'selector' } },
	{ t: 8, seq: 3, actor: 'loop', type: 'enqueue', detail: { cb: 'read request r2', via: 'io' } }
];
const anchor = (text: string) => parseAnchor(text) as EventAnchor;

describe('stepFrame(framer, trace, t, anchor)', () => {
	const framer = createFramer(trace);

	it('shows the state at exactly t, not at the last event before it', () => {
		const f = stepFrame(framer, trace, 6);
		expect([f.t, f.index, Object.keys(f.requests)]).toEqual([6, 3, ['r1', 'r2']]);
	});

	it('stops just after the anchored event, the first at or after t', () => {
		const f = stepFrame(framer, trace, 0, anchor('r1 arrive'));
		expect([f.index, f.loop.ready]).toEqual([1, []]);
		expect(stepFrame(framer, trace, 1, anchor('loop enqueue')).loop.ready).toEqual([
			'read request r1',
			'read request r2'
		]);
	});

	it('falls back to the time when the anchor names no event', () => {
		expect(stepFrame(framer, trace, 6, anchor('r9 arrive')).index).toBe(3);
	});
});
