import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTrace, type TraceModel } from '../../src/traces/index';

const ours = (events: object[], otherData: object = {}) =>
	JSON.stringify({
		traceEvents: events,
		otherData: { format: 'event-loop-lab/trace@1', ...otherData }
	});

const modelOf = (text: string): TraceModel => {
	const r = importTrace(text);
	if (!r.ok) throw new Error(r.message);
	return r.model;
};

// A 120 ms step of task 2 while request 1 waits; a timer that ran 100 ms late; one pool item.
const SMALL = ours([
	{ ph: 'M', pid: 1, tid: 9, name: 'thread_name', args: { name: 'ThreadPoolExecutor-0_0' } },
	{
		ph: 'i',
		cat: 'task',
		pid: 1,
		tid: 1,
		ts: 1000,
		args: { taskId: 2, task: 'Task-2', coro: 'handler' }
	},
	{
		ph: 'b',
		cat: 'request',
		id: '1',
		pid: 1,
		tid: 1,
		ts: 1500,
		name: '/a',
		args: { path: '/a', taskId: 3 }
	},
	{ ph: 'X', cat: 'select', pid: 1, tid: 1, ts: 1000, dur: 1000, args: { timeoutMs: 1 } },
	{
		ph: 'X',
		cat: 'task-step',
		name: 'handler',
		pid: 1,
		tid: 1,
		ts: 2000,
		dur: 120000,
		args: { taskId: 2, task: 'Task-2', coro: 'handler', where: 'app.py:7' }
	},
	{
		ph: 'X',
		cat: 'callback',
		name: 'wake',
		pid: 1,
		tid: 1,
		ts: 122000,
		dur: 10,
		args: { lateMs: 100 }
	},
	{
		ph: 'X',
		cat: 'executor',
		name: 'work',
		pid: 1,
		tid: 9,
		ts: 123000,
		dur: 5000,
		args: { fn: 'work', submitMs: 122.5, submittedByTaskId: 2 }
	},
	{
		ph: 'e',
		cat: 'request',
		id: '1',
		pid: 1,
		tid: 1,
		ts: 130000,
		name: '/a',
		args: { status: 200 }
	}
]);

describe('importTrace(text) of our recorder', () => {
	it('reads slices, selects, tasks, pool work, requests and lag, in ms from the first event', () => {
		const m = modelOf(SMALL);
		expect(m.source).toBe('event-loop-lab');
		expect(m.slices[0]).toMatchObject({
			kind: 'task-step',
			atMs: 1,
			ms: 120,
			task: 'Task-2',
			where: 'app.py:7'
		});
		expect(m.selects).toEqual([{ atMs: 0, ms: 1, timeoutMs: 1 }]);
		expect(m.tasks).toEqual([{ id: 2, name: 'Task-2', coro: 'handler', createdMs: 0 }]);
		expect(m.pool).toEqual([
			{
				thread: 'ThreadPoolExecutor-0_0',
				atMs: 122,
				ms: 5,
				fn: 'work',
				submittedMs: 121.5,
				taskId: 2
			}
		]);
		expect(m.requests).toEqual([{ id: '1', path: '/a', arriveMs: 0.5, endMs: 129, taskId: 3 }]);
		expect(m.lag).toEqual([{ atMs: 121, lagMs: 100 }]);
	});

	it('says so when the recorder ran under uvloop, and notes a request with no end', () => {
		const m = modelOf(
			ours([{ ph: 'b', cat: 'request', id: '7', ts: 0, args: { path: '/x' } }], {
				perCallback: false,
				loop: 'uvloop.Loop'
			})
		);
		expect(m.notes.join('\n')).toMatch(/uvloop\.Loop.*--loop asyncio/);
		expect(m.notes.join('\n')).toMatch(/request 7 has no end/);
	});
});

describe('importTrace(text) of viztracer --log_async (its example async_simple.json)', () => {
	const m = modelOf(readFileSync('test/traces/fixtures/viztracer_async_simple.json', 'utf8'));

	it('finds the loop thread by Handle._run and names each step after its task and coroutine', () => {
		expect(m.source).toBe('viztracer');
		const steps = m.slices.filter((s) => s.kind === 'task-step');
		expect(steps.filter((s) => s.coro === 'io_task').map((s) => s.task)).toEqual([
			'Task-2',
			'Task-3',
			'Task-4',
			'Task-2',
			'Task-3',
			'Task-4'
		]);
		expect(steps[0]).toMatchObject({
			coro: 'main',
			task: 'Task-1',
			where: expect.stringMatching(/async_simple\.py:8$/)
		});
		expect(m.tasks.map((t) => t.name)).toEqual([
			'Task-1',
			'Task-2',
			'Task-3',
			'Task-4',
			'Task-5',
			'Task-6'
		]);
	});

	it("reads the selects, one of them the 10 ms wait for the tasks' sleep", () => {
		expect(m.selects.length).toBeGreaterThan(5);
		expect(Math.max(...m.selects.map((s) => s.ms))).toBeCloseTo(10.27, 1);
		expect(m.notes.join()).toMatch(/no timer due times/);
	});
});

describe('importTrace(text) of OTLP/JSON', () => {
	const span = (id: string, start: number, end: number, extra = {}) => ({
		spanId: id,
		kind: 2,
		name: 'GET',
		startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(start) * 1_000_000n),
		endTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(end) * 1_000_000n),
		...extra
	});
	const doc = (spans: object[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });

	it('reads each server span as a request (arrival and latency only) and says stretches are inferred', () => {
		const m = modelOf(
			doc([
				span('b', 50, 300, { attributes: [{ key: 'url.path', value: { stringValue: '/slow' } }] }),
				span('a', 0, 200),
				{ ...span('c', 10, 20), kind: 3 }
			])
		);
		expect(m.source).toBe('otlp');
		expect(m.requests).toEqual([
			{ id: 'a', path: 'GET', arriveMs: 0, endMs: 200 },
			{ id: 'b', path: '/slow', arriveMs: 50, endMs: 300 }
		]);
		expect(m.notes.join()).toMatch(/inferred/);
	});

	it('names what is missing in a file with no server spans or no times', () => {
		expect(importTrace(doc([{ ...span('c', 0, 1), kind: 3 }]))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/no server spans/)
		});
		expect(importTrace(doc([{ spanId: 'z', kind: 2 }]))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/span z has no startTimeUnixNano/)
		});
	});
});

describe('importTrace(text) of bad or foreign files', () => {
	it.each([
		['not json', /^not JSON/],
		['{"a":1}', /no traceEvents array/],
		['{"traceEvents":[{"name":"x"}]}', /traceEvents\[0\] has no "ph"/],
		['{"traceEvents":[{"ph":"X","ts":1}]}', /traceEvents\[0\].*no numeric "dur"/],
		['{"traceEvents":[{"ph":"X","ts":1,"dur":2,"name":"f"}]}', /no Handle\._run slices/]
	])('%s: says what is missing', (text, message) => {
		const r = importTrace(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(message);
	});
});
