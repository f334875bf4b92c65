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

	it('makes a document the engine takes, whatever the change', async () => {
		const { parseScenario } = await import('../../simulations/text');
		for (const change of ['offload', 'await', 'holdsGil', 'releasesGil'] as const) {
			const parsed = parseScenario(JSON.stringify(whatIf(doc, blockHandler, change)));
			expect(parsed.ok ? 'ok' : parsed.errors[0].message, change).toBe('ok');
		}
	});

	it('leaves the document it was given as it was', () => {
		const copy = structuredClone(doc);
		whatIf(doc, () => true, 'offload');
		expect(doc).toEqual(copy);
	});
});

describe('stepsOfRuns(model, runs): the stretches a learner picks in a trace', () => {
	it('offloading the sample recording’s three blocks leaves no request waiting behind another', async () => {
		const { readFileSync } = await import('node:fs');
		const { findStalls, importTrace, stepsOfRuns, toScenario } =
			await import('../../src/traces/index');
		const { parseScenario } = await import('../../simulations/text');
		const { simulate } = await import('../../simulations/index');
		const imported = importTrace(readFileSync('public/traces/sample-service.json', 'utf8'));
		if (!imported.ok) throw new Error(imported.message);
		const model = imported.model;
		const blocks = findStalls(model, 100).filter((s) => s.where?.includes('blocking_app.py'));
		expect(blocks).toHaveLength(3);
		const runs = blocks.map((b) => model.slices.find((s) => s.atMs === b.atMs)!);
		const before = toScenario(model);
		const after = whatIf(before, stepsOfRuns(model, runs), 'offload');
		const changed = Object.entries(after.handlers).filter(
			([name, h]) => JSON.stringify(h) !== JSON.stringify(before.handlers[name])
		);
		expect(changed.map(([name]) => name.replace(/^h\d+-/, ''))).toEqual([
			'block',
			'block',
			'block'
		]);
		const latest = (doc: ScenarioDocument) => {
			const parsed = parseScenario(JSON.stringify(doc));
			if (!parsed.ok) throw new Error(parsed.errors[0].message);
			return Math.max(...simulate(parsed.scenario).requests.map((r) => r.endMs! - r.arriveMs));
		};
		expect(latest(before)).toBeGreaterThan(400);
		expect(latest(after)).toBeLessThan(260);
		expect(after.title).toMatch(/, the stretch offloaded$/);
	});
});
