import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { agreement } from '../../src/runtime/agreement';
import { scenario } from '../simulations/build';

describe('agreement(predicted, measured)', () => {
	const predicted = simulate(
		scenario({ h: [{ op: 'block', ms: 100 }] }, [
			['a', 0, 'h'],
			['b', 0, 'h'],
			['c', 0, 'h']
		])
	);
	const measured = structuredClone(predicted);
	measured.requests[0].endMs = 101;
	measured.requests[1].endMs = 204;
	measured.requests[2].endMs = null;

	it('gives each request its difference and the median and worst over those that ended', () => {
		expect(agreement(predicted, measured)).toEqual({
			requests: [
				{ id: 'a', predictedMs: 100, measuredMs: 101, diffMs: 1 },
				{ id: 'b', predictedMs: 200, measuredMs: 204, diffMs: 4 },
				{ id: 'c', predictedMs: 300, measuredMs: null, diffMs: null }
			],
			medianMs: 2.5,
			worstMs: 4
		});
	});
});

describe('agreement(predicted, measured): display precision', () => {
	it('rounds measured times to 0.1 ms', () => {
		const p = simulate(scenario({ h: [{ op: 'block', ms: 100 }] }, [['a', 0, 'h']]));
		const m = structuredClone(p);
		m.requests[0].endMs = 101.2345;
		expect(agreement(p, m).requests[0]).toMatchObject({ measuredMs: 101.2, diffMs: 1.2 });
	});
});
