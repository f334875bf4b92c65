import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../../simulations/index';
import { latencyAt } from '../../../src/views/stage/latency-model';

const result = {
	endMs: 400,
	requests: [
		{ id: 'r1', arriveMs: 0, endMs: 100, status: 'ok' },
		{ id: 'r2', arriveMs: 0, endMs: 200, status: 'error' },
		{ id: 'r3', arriveMs: 300, endMs: null, status: 'unfinished' }
	],
	heartbeats: [50, 150, 250],
	lag: [
		{ atMs: 100, lagMs: 5 },
		{ atMs: 300, lagMs: 40 }
	],
	warnings: [{ atMs: 250, kind: 'slowCallback', ms: 200, message: 'slow' }]
} as unknown as SimResult;

describe('latencyAt(result, cursor)', () => {
	const cases: [number, string[], number, number, number | null][] = [
		[0, ['waiting, 0 ms so far', 'waiting, 0 ms so far', 'not yet'], 0, 0, null],
		[150, ['100 ms', 'waiting, 150 ms so far', 'not yet'], 1, 2, 5],
		[400, ['100 ms', '200 ms (error)', 'waiting, 100 ms so far'], 2, 3, 40]
	];
	for (const [cursor, texts, answered, heartbeats, worst] of cases) {
		it(`shows only what happened by ${cursor} ms`, () => {
			const at = latencyAt(result, cursor);
			expect(at.rows.map((r) => r.text)).toEqual(texts);
			expect([at.answered, at.heartbeats, at.worstLagMs]).toEqual([answered, heartbeats, worst]);
		});
	}

	it('sizes bars against the longest wait known at the cursor, a waiting one growing', () => {
		expect(latencyAt(result, 400).rows.map((r) => [Math.round(r.barPct), r.waiting])).toEqual([
			[50, false],
			[100, false],
			[50, true]
		]);
		// At 150 ms r2's 200 ms is still to come: r2 is the longest so far, at 150 ms.
		expect(latencyAt(result, 150).rows.map((r) => Math.round(r.barPct))).toEqual([67, 100, 0]);
	});

	it("tops the lag chart by the worst lag so far, not the run's", () => {
		expect(latencyAt(result, 150).lagTopMs).toBe(10);
		expect(latencyAt(result, 300).lagTopMs).toBe(40);
	});

	it('places lag samples on a chart topped by the worst lag', () => {
		const at = latencyAt(result, 400);
		expect(at.lagTopMs).toBe(40);
		expect(at.lags.map((l) => [l.x, Math.round(l.y), Math.round(l.height)])).toEqual([
			[48 + 0.25 * 262 - 2.5, 50, 6],
			[48 + 0.75 * 262 - 2.5, 10, 46]
		]);
	});
});

describe('latencyAt: the table’s figures', () => {
	it('rounds the engine’s float sums to a tenth of a millisecond, thousands grouped', () => {
		const floats = {
			endMs: 2000,
			requests: [
				{ id: 'r1', arriveMs: 0, endMs: 200.00000001, status: 'ok' },
				{ id: 'r2', arriveMs: 0.1, endMs: 1234.5678, status: 'error' },
				{ id: 'r3', arriveMs: 1000, endMs: null, status: 'unfinished' }
			],
			heartbeats: [],
			lag: []
		} as unknown as SimResult;
		expect(latencyAt(floats, 1200.123456).rows.map((r) => r.text)).toEqual([
			'200 ms',
			'waiting, 1,200 ms so far',
			'waiting, 200.1 ms so far'
		]);
		expect(latencyAt(floats, 2000).rows[1].text).toBe('1,234.5 ms (error)');
	});
});

describe('latencyAt(result, cursor, slowest)', () => {
	it('lists only the longest waits so far, longest first', () => {
		const result = {
			requests: [
				{ id: 'r1', arriveMs: 0, endMs: 10, status: 'ok' },
				{ id: 'r2', arriveMs: 0, endMs: 50, status: 'ok' },
				{ id: 'r3', arriveMs: 5, endMs: 20, status: 'ok' },
				{ id: 'r4', arriveMs: 90, endMs: 95, status: 'ok' }
			],
			lag: [],
			heartbeats: [],
			endMs: 100
		} as unknown as SimResult;
		expect(latencyAt(result, 30, 2).rows.map((r) => [r.id, r.text])).toEqual([
			['r2', 'waiting, 30 ms so far'],
			['r3', '15 ms']
		]);
	});
});
