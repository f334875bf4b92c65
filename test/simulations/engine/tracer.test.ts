import { describe, expect, it } from 'vitest';
import { Tracer } from '../../../simulations/engine/tracer';

describe('Tracer', () => {
	it('stamps events with the virtual time and their position, rounding numbers', () => {
		let now = 1.23456789;
		const tracer = new Tracer({ now: () => now }, true);
		tracer.emit('loop', { type: 'select', detail: { timeoutMs: 2.0000004 } });
		now = 3;
		tracer.emit('r1', { type: 'arrive', detail: { waitsAt: 'selector' } });
		expect(tracer.events).toEqual([
			{ t: 1.235, seq: 0, actor: 'loop', type: 'select', detail: { timeoutMs: 2 } },
			{ t: 3, seq: 1, actor: 'r1', type: 'arrive', detail: { waitsAt: 'selector' } }
		]);
	});

	it('keeps nothing when the run is not traced', () => {
		const tracer = new Tracer({ now: () => 0 }, false);
		tracer.emit('r1', { type: 'arrive', detail: { waitsAt: 'selector' } });
		expect(tracer.events).toBeNull();
	});

	it('counts what it is given, traced or not, but not the uncounted thread and GIL changes', () => {
		for (const traced of [true, false]) {
			const tracer = new Tracer({ now: () => 0 }, traced);
			tracer.emit('r1', { type: 'arrive', detail: { waitsAt: 'selector' } });
			tracer.emitUncounted('gil', { type: 'gil', detail: { holder: null, joined: [], left: [] } });
			expect([tracer.count, tracer.events?.length ?? null]).toEqual([1, traced ? 2 : null]);
		}
	});
});
