import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';
import { emptyModel, toScenario, type TraceModel } from '../../../src/traces/index';
import { agreementLine, latencyPairs } from '../../../src/state/trace/latency-pairs';
import { requestNames } from '../../../src/state/trace/request-names';

const step = (taskId: number, atMs: number, ms: number) => ({
	kind: 'task-step' as const,
	name: 'h',
	taskId,
	atMs,
	ms
});

// Two requests on one loop, the first blocking it 100 ms; a third the recording cut off, and a
// fourth with no task steps (the scenario leaves it out).
const model: TraceModel = emptyModel('event-loop-lab', {
	slices: [step(1, 0, 100), step(2, 100, 1)],
	requests: [
		{ id: '7', path: '/block', arriveMs: 0, endMs: 100, taskId: 1 },
		{ id: '9', path: '/fast', arriveMs: 10, endMs: 101, taskId: 2 },
		{ id: '11', path: '/cut', arriveMs: 20, endMs: Infinity, taskId: 3 },
		{ id: '12', path: '/none', arriveMs: 30, endMs: 40, taskId: 4 }
	]
});

function modelRun(m: TraceModel): SimResult {
	const parsed = parseScenario(JSON.stringify(toScenario(m)));
	if (!parsed.ok) throw new Error(parsed.errors[0].message);
	return simulate(parsed.scenario);
}

describe('requestNames(model, scenario)', () => {
	it('names each request as the scenario (and the timeline) does, else by the recorder’s id', () => {
		expect([...requestNames(model, toScenario(model))]).toEqual([
			['7', 'r1'],
			['9', 'r2'],
			['11', '#11'],
			['12', '#12']
		]);
	});
});

describe('latencyPairs(model, names, result)', () => {
	it('pairs each finished request’s recorded latency with the model’s, both from the recorded arrival', () => {
		const pairs = latencyPairs(model, requestNames(model, toScenario(model)), modelRun(model));
		expect(pairs.map((p) => [p.name, p.path, p.recordedMs, p.modelMs])).toEqual([
			['r1', '/block', 100, 100],
			['r2', '/fast', 91, 91],
			['#12', '/none', 10, null]
		]);
	});
});

describe('agreementLine(pairs)', () => {
	const pair = (recordedMs: number, modelMs: number | null, unmodelledMs = 0) => ({
		id: '1',
		name: 'r1',
		path: '/',
		recordedMs,
		modelMs,
		unmodelledMs
	});
	it.each([
		[
			[pair(438, 436), pair(200, 200.5)],
			'The model ends all 2 requests within 2 ms of the recording.'
		],
		[[pair(10, 13.2)], 'The model ends the one request within 4 ms of the recording.'],
		[
			[pair(438, 436, 2.6), pair(200, 200, 0.5)],
			"The model ends all 2 requests within 2 ms of the recording; the recording holds up to 3 ms of loop time it leaves out (the server's own callbacks, the recorder)."
		],
		[
			[pair(10, 10), pair(5, null)],
			'The model ends the one request within 0 ms of the recording; 1 not modelled (no task steps recorded for them).'
		],
		[[pair(5, null)], 'The model has none of these requests to compare.']
	])('%j → %s', (pairs, line) => {
		expect(agreementLine(pairs)).toBe(line);
	});
});
