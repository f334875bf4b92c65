import { describe, expect, it } from 'vitest';
import { emptyModel, findStalls, summarise, type TraceModel } from '../../src/traces/index';

const model = (over: Partial<TraceModel>): TraceModel => emptyModel('event-loop-lab', over);

const BLOCK = {
	kind: 'task-step' as const,
	atMs: 10,
	ms: 200,
	name: 'h',
	task: 'Task-2',
	taskId: 2,
	coro: 'h',
	where: 'app.py:9'
};

describe('findStalls(model, threshold)', () => {
	it('lists each slice at or over the threshold with task, coroutine and where', () => {
		const m = model({ slices: [BLOCK, { ...BLOCK, atMs: 300, ms: 49 }] });
		expect(findStalls(m)).toEqual([
			{ atMs: 10, ms: 200, task: 'Task-2', coro: 'h', where: 'app.py:9', waited: [] }
		]);
		expect(findStalls(m, 40)).toHaveLength(2);
	});

	it('prefers the line the watchdog sampled during the stall', () => {
		const m = model({
			slices: [BLOCK],
			samples: [{ atMs: 60, stack: ['h (app.py:12)', '_run (events.py:80)'] }]
		});
		expect(findStalls(m)[0].where).toBe('app.py:12');
	});

	it('counts requests in the app during the stall by their overlap, never its own request', () => {
		const m = model({
			slices: [BLOCK],
			requests: [
				{ id: 'own', path: '/block', arriveMs: 9, endMs: 211, taskId: 2 },
				{ id: 'w', path: '/await', arriveMs: 100, endMs: 400, taskId: 3 },
				{ id: 'later', path: '/a', arriveMs: 300, endMs: 310, taskId: 4 }
			],
			selects: [{ atMs: 250, ms: 40, timeoutMs: 40 }]
		});
		expect(findStalls(m)[0].waited).toEqual([
			{ id: 'w', path: '/await', addedMs: 110, seen: 'in-loop' }
		]);
	});

	it('counts a request the app saw right after the stall, with no idle select between, as an upper bound', () => {
		const m = model({
			slices: [BLOCK],
			requests: [{ id: 'q', path: '/q', arriveMs: 211, endMs: 215 }],
			selects: [{ atMs: 210.2, ms: 0.01, timeoutMs: 0 }]
		});
		expect(findStalls(m)[0].waited).toEqual([
			{ id: 'q', path: '/q', addedMs: 200, seen: 'before-arrival' }
		]);
	});
});

describe('summarise(model)', () => {
	it('is a trace-summary@1 document of stalls, requests and lag', () => {
		const s = summarise(
			model({
				slices: [BLOCK],
				requests: [{ id: '1', path: '/', arriveMs: 0, endMs: NaN }],
				lag: [{ atMs: 210, lagMs: 150 }]
			})
		);
		expect(s).toEqual({
			format: 'event-loop-lab/trace-summary@1',
			source: 'event-loop-lab',
			notes: [],
			stalls: [{ atMs: 10, ms: 200, task: 'Task-2', coro: 'h', where: 'app.py:9' }],
			requests: [{ id: '1', path: '/', arriveMs: 0, endMs: null }],
			lag: [{ atMs: 210, lagMs: 150 }]
		});
	});
});
