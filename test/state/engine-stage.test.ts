import { describe, expect, it } from 'vitest';
import { engineStage } from '../../src/state/engine-stage';
import type { Stage } from '../../src/state/stage';
import { runVariant } from '../../src/state/variant-run';
import { scenario } from '../simulations/build';

const s = scenario({ h: [{ op: 'block', ms: 100 }] }, [
	['r1', 0, 'h'],
	['r2', 0, 'h']
]);
const model = runVariant('m', 'Model', s);
const other = runVariant('cpython', 'CPython', s);

function base(cursor: number): Stage & { scrubbed: number[] } {
	const scrubbed: number[] = [];
	return {
		scrubbed,
		shownRun: model,
		shownScenario: s,
		frame: model.framer.atTime(cursor),
		compared: [model],
		cursor,
		line: 2,
		moment: null,
		scrub: (t) => void scrubbed.push(t)
	};
}

describe('engineStage(base, other, engine)', () => {
	it('is the page stage itself for the model, or while no other run exists', () => {
		const b = base(50);
		expect(engineStage(b, other, 'model')).toBe(b);
		expect(engineStage(b, null, 'cpython')).toBe(b);
	});

	it("draws the other run's frame at the page's own moment, and scrubs the page", () => {
		const b = base(150);
		const drawn = engineStage(b, other, 'cpython');
		expect(drawn.shownRun).toBe(other);
		expect(drawn.compared).toEqual([other]);
		expect(drawn.frame).toEqual(other.framer.atTime(150));
		expect([drawn.cursor, drawn.line]).toEqual([150, 2]);
		drawn.scrub(30);
		expect(b.scrubbed).toEqual([30]);
	});
});
