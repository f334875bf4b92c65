import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/index';
import { eventMoments } from '../../../src/state/trace/event-moments';
import { eventRows } from '../../../src/views/playground/event-list';
import { loadScenario } from '../../scenario-files';

const result = simulate(loadScenario('src/sample-scenario.json'), { trace: true });
const trace = result.trace ?? [];
const { groups } = eventMoments(result);
const words = (e: (typeof trace)[number]) => `${e.type} ${e.actor}`;

describe('eventRows(trace, groups, kind, text, words)', () => {
	it('lists every event, one row per step', () => {
		const rows = eventRows(trace, groups, 'every event', '', words);
		expect(rows.count).toBe(trace.length);
		expect(rows.row(0)).toEqual({ step: 1, t: 0, words: words(trace[0]) });
	});

	it('lists one kind of moment, filtered by words in any case', () => {
		const arrivals = eventRows(trace, groups, 'arrival', '', words);
		expect(arrivals.count).toBe(5);
		const r3 = eventRows(trace, groups, 'arrival', 'R3', words);
		expect(r3.count).toBe(1);
		expect(r3.row(0)).toMatchObject({ t: 4, words: 'r3 arrives' });
	});

	it('placeOf(step) finds the last row at or before a step', () => {
		const arrivals = eventRows(trace, groups, 'arrival', '', words);
		const second = arrivals.row(1).step;
		expect(arrivals.placeOf(second)).toBe(1);
		expect(arrivals.placeOf(second - 1)).toBe(0);
		expect(arrivals.placeOf(0)).toBe(-1);
	});
});
