import { describe, expect, it } from 'vitest';
import { agreementOf, emptyModel } from '../../src/traces/index';

const step = (taskId: number, atMs: number, ms: number) => ({
	kind: 'task-step' as const,
	name: 'h',
	taskId,
	atMs,
	ms
});

describe('agreementOf(model, simulated)', () => {
	it('counts the loop time outside the handlers and select, up to each request’s end, as unmodelled', () => {
		const model = emptyModel('event-loop-lab', {
			// r1 runs 0–10, the server's own callback 10–13, r2 runs 13–20, then select 20–30, r2 30–31.
			slices: [
				step(1, 0, 10),
				{ kind: 'callback', name: 'H11Protocol.data_received', atMs: 10, ms: 3 },
				step(2, 13, 7),
				step(2, 30, 1)
			],
			selects: [{ atMs: 20, ms: 8, timeoutMs: 10 }],
			tasks: [],
			pool: [],
			requests: [
				{ id: '1', path: '/a', arriveMs: 0, endMs: 10, taskId: 1 },
				{ id: '2', path: '/b', arriveMs: 5, endMs: 31, taskId: 2 }
			]
		});
		const got = agreementOf(model, [
			{ id: 'r1', endMs: 10 },
			{ id: 'r2', endMs: 26 }
		]);
		expect(got).toEqual([
			{ id: 'r1', path: '/a', recordedEndMs: 10, simulatedEndMs: 10, unmodelledMs: 0 },
			// 31 ms of loop time: 18 in handlers, 8 in select, 3 in the server's callback, 2 unrecorded.
			{ id: 'r2', path: '/b', recordedEndMs: 31, simulatedEndMs: 26, unmodelledMs: 5 }
		]);
	});
});
