import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findStalls, importTrace } from '../../../src/traces/index';
import { createTraceApi } from '../../../src/state/trace/trace-api';

const SAMPLE = readFileSync('public/traces/sample-service.json', 'utf8');
const blob = (text: string) => new Blob([text], { type: 'application/json' });

describe('createTraceApi()', () => {
	it('open(file) reads the model, its scenario, the latencies and the stalls, saying what it does', async () => {
		const api = createTraceApi();
		const phases: string[] = [];
		const read = await api.open(blob(SAMPLE), (p) => phases.push(p));
		if (!read.ok) throw new Error(read.message);
		const imported = importTrace(SAMPLE);
		if (!imported.ok) throw new Error(imported.message);
		expect(read.model).toEqual(imported.model);
		expect(read.stalls).toEqual(findStalls(imported.model));
		expect(read.scenario.requests).toHaveLength(8);
		expect(read.pairs).toHaveLength(8);
		expect([...read.names.values()]).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
		expect(phases).toEqual([
			'reading the JSON',
			'making the scenario',
			'running the model',
			'finding the stalls'
		]);
	});

	it('stalls(threshold) lists the stalls of the file read last at that threshold', async () => {
		const api = createTraceApi();
		expect(api.stalls(50)).toEqual([]);
		await api.open(blob(SAMPLE));
		const imported = importTrace(SAMPLE);
		if (!imported.ok) throw new Error(imported.message);
		expect(api.stalls(150)).toEqual(findStalls(imported.model, 150));
		expect(api.stalls(10_000)).toEqual([]);
	});

	it('open(file) of a bad file answers what is missing, in the importer’s words', async () => {
		const read = await createTraceApi().open(blob('{"traceEvents": ['));
		expect(read).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON/) });
	});
});
