import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulations/index';
import { unsupportedParts } from '../../src/exact/index';

const scenario = (handlers: object, extra: object = {}) => {
	const p = parseScenario(
		JSON.stringify({
			format: 'event-loop-lab/scenario@1',
			id: 'x',
			title: 'x',
			handlers,
			requests: [{ id: 'r1', at: 0, handler: Object.keys(handlers)[0] }],
			...extra
		})
	);
	if (!p.ok) throw new Error(JSON.stringify(p.errors));
	return p.scenario;
};

describe('unsupportedParts(scenario)', () => {
	it('is empty for the steps CPython runs', () => {
		const s = scenario({
			h: {
				steps: [
					{ op: 'cpu', ms: 1 },
					{ op: 'gather', branches: [[{ op: 'sleep', ms: 1 }], [{ op: 'io', ms: 1 }]] }
				]
			}
		});
		expect(unsupportedParts(s)).toEqual([]);
	});

	it('names a FastAPI def endpoint by its handler', () => {
		const s = scenario({ report: { sync: true, steps: [{ op: 'block', ms: 1 }] } });
		expect(unsupportedParts(s)).toEqual([
			'handlers.report.sync: FastAPI def endpoints are not supported on CPython yet'
		]);
	});
});
