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
		[0, ['waiting', 'waiting', 'not yet'], 0, 0, null],
		[150, ['100 ms', 'waiting', 'not yet'], 1, 2, 5],
		[400, ['100 ms', '200 ms (error)', 'waiting'], 2, 3, 40]
	];
	for (const [cursor, texts, answered, heartbeats, worst] of cases) {
		it(`shows only what happened by ${cursor} ms`, () => {
			const at = latencyAt(result, cursor);
			expect(at.rows.map((r) => r.text)).toEqual(texts);
			expect([at.answered, at.heartbeats, at.worstLagMs]).toEqual([answered, heartbeats, worst]);
		});
	}

	it('sizes bars against the longest latency (an unfinished request runs to the end)', () => {
		const at = latencyAt(result, 400);
		expect(at.rows.map((r) => Math.round(r.barPct))).toEqual([50, 100, 0]);
	});

	it('places lag samples on a chart topped by the worst lag, and lists warnings so far', () => {
		const at = latencyAt(result, 400);
		expect(at.lagTopMs).toBe(40);
		expect(at.lags.map((l) => [l.x, Math.round(l.y), Math.round(l.height)])).toEqual([
			[30 + 0.25 * 280 - 2.5, 50, 6],
			[30 + 0.75 * 280 - 2.5, 10, 46]
		]);
		expect(latencyAt(result, 200).warnings).toEqual([]);
		expect(at.warnings.map((w) => w.message)).toEqual(['slow']);
	});
});
