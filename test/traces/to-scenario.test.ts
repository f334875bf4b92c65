import { describe, expect, it } from 'vitest';
import { toScenario, type TraceModel } from '../../src/traces/index';

const base: TraceModel = {
	source: 'event-loop-lab',
	notes: [],
	originUs: 0,
	slices: [],
	selects: [],
	tasks: [],
	pool: [],
	requests: [],
	lag: [],
	samples: [],
	about: {}
};

const step = (taskId: number, atMs: number, ms: number, extra = {}) => ({
	kind: 'task-step' as const,
	name: 'h',
	taskId,
	atMs,
	ms,
	...extra
});

describe('toScenario(model)', () => {
	it('makes each request a handler of its runs (cpu) and awaits: offload from the pool, a timer from its due time, I/O from the last idle select', () => {
		const model: TraceModel = {
			...base,
			slices: [
				step(1, 0, 2),
				step(1, 40, 1), // after pool work of 30 ms
				step(1, 100, 1), // after a timer due at 90 that ran at 95
				{ kind: 'callback', name: 'wake', atMs: 95, ms: 0.1, lateMs: 5 },
				step(1, 160, 1) // after I/O: the loop idled in select until 150
			],
			pool: [{ thread: 'pool-0', atMs: 2.5, ms: 30, fn: 'f', submittedMs: 1, taskId: 1 }],
			selects: [{ atMs: 120, ms: 30, timeoutMs: null }],
			requests: [{ id: '1', path: '/Items/7', arriveMs: 0, endMs: 161, taskId: 1 }]
		};
		const doc = toScenario(model);
		expect(doc.requests).toEqual([{ id: 'r1', at: 0, handler: 'h1-items-7' }]);
		expect(doc.handlers['h1-items-7'].steps).toEqual([
			{ op: 'cpu', ms: 2 },
			{ op: 'offload', ms: 30, work: 'block' },
			{ op: 'cpu', ms: 1 },
			{ op: 'io', ms: 49 },
			{ op: 'cpu', ms: 1 },
			{ op: 'io', ms: 49 },
			{ op: 'cpu', ms: 1 }
		]);
	});

	it('puts a request the loop first read right after a stall in the middle of that stall', () => {
		const model: TraceModel = {
			...base,
			slices: [step(1, 0, 200), step(2, 200.6, 1)],
			selects: [{ atMs: 200.2, ms: 0.01, timeoutMs: 0 }],
			tasks: [{ id: 2, name: 'Task-2', createdMs: 200.3 }],
			requests: [
				{ id: '1', path: '/block', arriveMs: 0, endMs: 200, taskId: 1 },
				{ id: '2', path: '/', arriveMs: 200.6, endMs: 201.6, taskId: 2 }
			]
		};
		expect(toScenario(model).requests.map((r) => r.at)).toEqual([0, 100]);
	});

	it('leaves out requests with no task steps (OTLP) or no end', () => {
		const model = { ...base, requests: [{ id: 'a', path: '/', arriveMs: 0, endMs: 5 }] };
		expect(toScenario(model).requests).toEqual([]);
	});
});
