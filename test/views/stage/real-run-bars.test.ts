import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../../simulations/index';
import type { Agreement } from '../../../src/runtime/agreement';
import { realRunBars } from '../../../src/views/stage/real-run-bars';

const predicted = {
	endMs: 200,
	requests: [
		{ id: 'r1', arriveMs: 0, endMs: 100 },
		{ id: 'r2', arriveMs: 100, endMs: 200 }
	]
} as unknown as SimResult;
const measured = {
	requests: [
		{ id: 'r1', endMs: 400 },
		{ id: 'r2', endMs: null }
	]
} as unknown as SimResult;
const agreement = {
	requests: [
		{ id: 'r1', predictedMs: 100, measuredMs: 400, diffMs: 300 },
		{ id: 'r2', predictedMs: 200, measuredMs: null, diffMs: null }
	]
} as unknown as Agreement;

describe('realRunBars(predicted, measured, agreement)', () => {
	it('puts prediction and measurement on one axis up to the later end', () => {
		const { endMs, bars } = realRunBars(predicted, measured, agreement);
		expect(endMs).toBe(400);
		expect(bars).toEqual([
			{ left: '0%', predicted: '25%', measured: '100%' },
			{ left: '25%', predicted: '25%', measured: '0%' }
		]);
	});
});
