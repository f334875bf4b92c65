import { describe, expect, it } from 'vitest';
import { whatIf, type ScenarioDocument } from '../../src/traces/index';

const doc: ScenarioDocument = {
	format: 'event-loop-lab/scenario@1',
	id: 'recorded-trace',
	title: 'Recorded trace',
	limitMs: 1000,
	handlers: {
		'h1-block': {
			steps: [
				{ op: 'cpu', ms: 1, label: 'app.py:9' },
				{ op: 'block', ms: 200, label: 'app.py:9' }
			]
		},
		'h2-await': {
			steps: [
				{ op: 'cpu', ms: 0.2 },
				{ op: 'sleep', ms: 200 }
			]
		}
	},
	requests: [
		{ id: 'r1', at: 0, handler: 'h1-block' },
		{ id: 'r2', at: 0, handler: 'h2-await' }
	]
};
const blockHandler = (handler: string) => handler === 'h1-block';

describe('whatIf(doc, which, change)', () => {
	it('offloads the chosen stretches as the work they were: computing holds the GIL in the pool, waiting releases it', () => {
		const after = whatIf(doc, blockHandler, 'offload');
		expect(after.handlers['h1-block'].steps).toEqual([
			{ op: 'offload', ms: 1, work: 'cpu', label: 'app.py:9' },
			{ op: 'offload', ms: 200, work: 'block', label: 'app.py:9' }
		]);
		expect(after.handlers['h2-await']).toEqual(doc.handlers['h2-await']);
		expect(after.id).toBe('recorded-trace-offload');
	});

	it('makes a stretch an awaited call, or says it holds or releases the GIL; awaits are never changed', () => {
		const last = (_: string, __: unknown, i: number) => i === 1;
		expect(whatIf(doc, blockHandler, 'await').handlers['h1-block'].steps[1]).toEqual({
			op: 'io',
			ms: 200,
			label: 'app.py:9'
		});
		expect(whatIf(doc, blockHandler, 'holdsGil').handlers['h1-block'].steps[1].op).toBe('cpu');
		expect(whatIf(doc, blockHandler, 'releasesGil').handlers['h1-block'].steps[0].op).toBe('block');
		expect(whatIf(doc, last, 'offload').handlers['h2-await'].steps[1]).toEqual({
			op: 'sleep',
			ms: 200
		});
	});

	it('leaves the document it was given as it was', () => {
		const copy = structuredClone(doc);
		whatIf(doc, () => true, 'offload');
		expect(doc).toEqual(copy);
	});
});
