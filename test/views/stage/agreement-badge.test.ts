import { describe, expect, it } from 'vitest';
import type { RunComparison } from '../../../src/exact/compare';
import type { Agreement } from '../../../src/runtime/agreement';
import { exactLine, realLine } from '../../../src/views/stage/agreement-badge';

const five = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => ({ id }));
const agree = {
	agree: true,
	requests: five,
	firstDivergence: null,
	allowed: [],
	differs: []
} as unknown as RunComparison;
const wrong = {
	agree: false,
	requests: five,
	firstDivergence: {
		index: 6,
		model: { t: 200, seq: 6, actor: 'loop', type: 'select', detail: { timeoutMs: 0 } },
		exact: { t: 100, seq: 6, actor: 'loop', type: 'select', detail: { timeoutMs: 0 } },
		why: 'the model selects at 200 ms, CPython at 100 ms'
	},
	allowed: [],
	differs: ['order']
} as unknown as RunComparison;

describe('exactLine(comparison, status, failure)', () => {
	it('says not checked before a run, checking while one runs', () => {
		expect(exactLine(null, 'idle').state).toBe('unchecked');
		expect(exactLine(null, 'loading').state).toBe('pending');
	});

	it('says the model equals CPython when order and virtual times agree', () => {
		const line = exactLine(agree, 'done');
		expect([line.state, line.label]).toEqual(['agree', 'Model = CPython']);
		expect(line.detail).toContain('same virtual times');
	});

	it('shows a wrong model with its first diverging event from both runs and why', () => {
		const line = exactLine(wrong, 'done');
		expect([line.state, line.label]).toEqual(['differ', 'Model ≠ CPython']);
		expect(line.detail).toContain('first divergence at event 7');
		expect(line.detail).toContain('200');
		expect(line.detail).toContain('CPython');
		expect(line.detail).toContain('the model selects at 200 ms, CPython at 100 ms');
	});

	it('agrees up to allowed differences, naming them and the first one', () => {
		const line = exactLine(
			{ ...wrong, agree: true, allowed: ['wrap-future-check-cancel'] },
			'done'
		);
		expect([line.state, line.label]).toEqual(['agree', 'Model = CPython']);
		expect(line.detail).toContain('allowed differences (wrap-future-check-cancel');
		expect(line.detail).toContain('first divergence at event 7');
	});

	it('says a failed run left the model unchecked, and why', () => {
		const line = exactLine(null, 'failed', 'no wasm');
		expect([line.state, line.detail]).toEqual(['failed', 'not checked: no wasm']);
	});
});

const measured = (worstMs: number, missing = false): Agreement => ({
	requests: [
		{ id: 'r1', predictedMs: 100, measuredMs: 100 + worstMs, diffMs: worstMs },
		{ id: 'r2', predictedMs: 200, measuredMs: missing ? null : 201, diffMs: missing ? null : 1 }
	],
	medianMs: 1,
	worstMs
});

describe('realLine(agreement, endMs, running)', () => {
	it('is close within 25 ms or 5 % of the run, whichever is more', () => {
		expect(realLine(measured(20), 200).state).toBe('agree');
		expect(realLine(measured(40), 200).state).toBe('differ');
		expect(realLine(measured(40), 1000).state).toBe('agree');
	});

	it('is not close when a request the model finishes never finished for real', () => {
		const line = realLine(measured(1, true), 200);
		expect(line.state).toBe('differ');
		expect(line.detail).toContain('1 request(s) unfinished');
	});

	it('says not run yet, or running', () => {
		expect(realLine(null, 100).state).toBe('unchecked');
		expect(realLine(null, 100, true).state).toBe('pending');
	});
});
