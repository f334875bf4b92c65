import { describe, expect, it } from 'vitest';
import { DWELL, dwellFor, evenPlan, lessonPlan } from '../../src/state/play-plan';

describe('dwellFor(text)', () => {
	it.each([
		['', DWELL.baseMs],
		['One waiter.', DWELL.baseMs + 2 * DWELL.perWordMs],
		['The **event loop**: `select()` — then  more', DWELL.baseMs + 6 * DWELL.perWordMs]
	])('%j pauses for its words', (text, ms) => {
		expect(dwellFor(text)).toBe(ms);
	});
});

describe('lessonPlan(steps, eventTimes)', () => {
	const steps = [
		{ variant: 'a', t: 0, text: 'one' },
		{ variant: 'a', t: 0, text: 'two words' },
		{ variant: 'a', t: 50, text: 'three' },
		{ variant: 'b', t: 60, text: 'four' },
		{ variant: 'b', t: 10, text: 'five' }
	];
	const plan = lessonPlan(steps, (v) => (v === 'a' ? [0, 20, 50] : []));

	it('moves on to a later step of the same variant, and cuts to anything else', () => {
		expect(steps.map((_, i) => plan.move(i)?.to ?? null)).toEqual([null, 50, null, null, null]);
		expect(plan.move(1)?.at(plan.move(1)!.wallMs / 2)).toBeGreaterThan(0);
	});

	it('pauses at each step for its own text', () => {
		expect([plan.dwellMs(0), plan.dwellMs(1)]).toEqual([dwellFor('one'), dwellFor('two words')]);
	});
});

describe('evenPlan(ms)', () => {
	it('pauses the same at every step and never moves', () => {
		const plan = evenPlan(600);
		expect([plan.dwellMs(0), plan.dwellMs(9), plan.move(3)]).toEqual([600, 600, null]);
	});
});
