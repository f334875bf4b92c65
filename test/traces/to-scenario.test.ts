import { describe, expect, it } from 'vitest';
import { emptyModel, toScenario, type TraceModel } from '../../src/traces/index';

const base = emptyModel('event-loop-lab');

const step = (taskId: number, atMs: number, ms: number, extra = {}) => ({
	kind: 'task-step' as const,
	name: 'h',
	taskId,
	atMs,
	ms,
	...extra
});

describe('toScenario(model)', () => {
	it("makes each request a handler of its runs (cpu) and awaits: offload from the pool, a sleep from its timer's due time, I/O from the last idle select", () => {
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
			{ op: 'sleep', ms: 49 },
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

	it('splits a run the thread spent mostly waiting into its CPU time (cpu) and the rest (block, GIL released)', () => {
		const model: TraceModel = {
			...base,
			slices: [
				step(1, 0, 201, { cpuMs: 0.8, where: 'app.py:16' }),
				step(2, 210, 30, { cpuMs: 29.5 })
			],
			requests: [
				{ id: '1', path: '/block', arriveMs: 0, endMs: 201, taskId: 1 },
				{ id: '2', path: '/cpu', arriveMs: 210, endMs: 240, taskId: 2 }
			]
		};
		const doc = toScenario(model);
		expect(doc.handlers['h1-block'].steps).toEqual([
			{ op: 'cpu', ms: 0.8, label: 'app.py:16' },
			{ op: 'block', ms: 200.2, label: 'app.py:16' }
		]);
		expect(doc.handlers['h2-cpu'].steps).toEqual([{ op: 'cpu', ms: 30 }]);
	});

	it("delivers a request whose bytes woke an idle select at that select's end, and what came in during a burst of short callbacks at the end of the idle wait before it", () => {
		const model: TraceModel = {
			...base,
			slices: [step(1, 10.2, 0.3), step(2, 10.6, 0.2)],
			selects: [
				{ atMs: 0, ms: 10, timeoutMs: 100 },
				{ atMs: 10.5, ms: 0, timeoutMs: 0 }
			],
			tasks: [
				{ id: 1, name: 'Task-1', createdMs: 10.1 },
				{ id: 2, name: 'Task-2', createdMs: 10.55 }
			],
			requests: [
				{ id: '1', path: '/a', arriveMs: 10.2, endMs: 10.5, taskId: 1 },
				{ id: '2', path: '/b', arriveMs: 10.6, endMs: 10.8, taskId: 2 }
			]
		};
		expect(toScenario(model).requests.map((r) => r.at)).toEqual([10, 10]);
	});

	it("marks a request new-connection when its read followed its connection's accept, registration and the next select, and delivers it when its connection came", () => {
		const cb = (name: string, atMs: number) => ({
			kind: 'callback' as const,
			name,
			atMs,
			ms: 0.05
		});
		const model: TraceModel = {
			...base,
			slices: [
				cb('BaseSelectorEventLoop._accept_connection', 5.1),
				step(9, 5.3, 0.05, { coro: 'BaseSelectorEventLoop._accept_connection2' }),
				cb('_SelectorTransport._add_reader', 5.5),
				cb('_SelectorSocketTransport._read_ready', 5.7),
				step(1, 5.9, 0.1),
				cb('_SelectorSocketTransport._read_ready', 30.2),
				step(2, 30.4, 0.1)
			],
			selects: [
				{ atMs: 0, ms: 5, timeoutMs: null },
				{ atMs: 5.2, ms: 0, timeoutMs: 0 },
				{ atMs: 5.4, ms: 0, timeoutMs: 0 },
				{ atMs: 5.6, ms: 0, timeoutMs: 0 },
				{ atMs: 5.8, ms: 0, timeoutMs: 0 },
				{ atMs: 6, ms: 24, timeoutMs: null },
				{ atMs: 30.3, ms: 0, timeoutMs: 0 }
			],
			tasks: [
				{
					id: 9,
					name: 'Task-9',
					coro: 'BaseSelectorEventLoop._accept_connection2',
					createdMs: 5.12
				},
				{ id: 1, name: 'Task-1', createdMs: 5.72 },
				{ id: 2, name: 'Task-2', createdMs: 30.22 }
			],
			requests: [
				{ id: '1', path: '/new', arriveMs: 5.9, endMs: 6, taskId: 1 },
				{ id: '2', path: '/again', arriveMs: 30.4, endMs: 30.5, taskId: 2 }
			]
		};
		expect(toScenario(model).requests).toEqual([
			{ id: 'r1', at: 5, handler: 'h1-new', connection: 'new' },
			{ id: 'r2', at: 30, handler: 'h2-again' }
		]);
	});

	it('lists arrivals of one instant in the order the loop handled them', () => {
		const model: TraceModel = {
			...base,
			slices: [step(2, 1, 0.1), step(1, 1.2, 0.1)],
			selects: [{ atMs: 0, ms: 1, timeoutMs: null }],
			tasks: [
				{ id: 2, name: 'Task-2', createdMs: 1.01 },
				{ id: 1, name: 'Task-1', createdMs: 1.02 }
			],
			requests: [
				{ id: '1', path: '/a', arriveMs: 1.2, endMs: 1.3, taskId: 1 },
				{ id: '2', path: '/b', arriveMs: 1, endMs: 1.1, taskId: 2 }
			]
		};
		expect(toScenario(model).requests.map((r) => r.id)).toEqual(['r2', 'r1']);
	});

	it('leaves out requests with no task steps (OTLP) or no end', () => {
		const model = { ...base, requests: [{ id: 'a', path: '/', arriveMs: 0, endMs: 5 }] };
		expect(toScenario(model).requests).toEqual([]);
	});
});
