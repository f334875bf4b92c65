import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PasteHandler } from '../../src/state/paste-handler.svelte';
import { ScenarioDraft } from '../../src/state/scenario-draft.svelte';
import sample from '../../src/sample-scenario.json';

const SAMPLE_HANDLER = readFileSync('src/handler-import/sample-handler.py', 'utf8');

describe('PasteHandler', () => {
	it('reads the sample handler into one step of each kind it shows', () => {
		const p = new PasteHandler(SAMPLE_HANDLER);
		expect(p.rows.map((r) => `${r.step.op}@${r.step.line}`)).toEqual([
			'io@5',
			'block@6',
			'block@7',
			'offload@8',
			'sleep@9'
		]);
		expect(p.result.ok && p.result.reading.unrecognised).toEqual([]);
	});

	it('puts the handler, with the durations set, into the draft, which simulates it', () => {
		const p = new PasteHandler('async def h():\n    time.sleep(0.2)');
		p.ms['0'] = 50;
		p.placement.count = 2;
		const draft = new ScenarioDraft('a', JSON.stringify(sample, null, 2));
		p.put(draft);
		expect(p.done).toEqual({
			ok: true,
			text: expect.stringContaining('Handler h is in scenario A with 2 requests')
		});
		draft.settle();
		const run = draft.simulated?.run;
		expect(run?.result.requests.map((q) => [q.id, q.handler, q.endMs])).toEqual([
			['r1', 'h', 50],
			['r2', 'h', 100]
		]);
		expect(run?.code).toBe('async def h():\n    time.sleep(0.2)');
	});

	it('forgets the settings of the last paste when a new one comes, and says when the JSON is broken', () => {
		const p = new PasteHandler('async def h():\n    time.sleep(0.2)');
		p.ms['0'] = 50;
		p.paste('async def h():\n    time.sleep(0.3)');
		expect(p.ms).toEqual({});
		const draft = new ScenarioDraft('b', '{ not json');
		p.put(draft);
		expect(p.done?.ok).toBe(false);
		expect(p.done?.text).toMatch(/^It could not go in: .*Fix the scenario's JSON first\.$/);
		expect(draft.text).toBe('{ not json');
	});
});
