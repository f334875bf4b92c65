import { describe, expect, it } from 'vitest';
import { compile } from '../../../simulations/engine/program';
import { Tasks, type Awaits } from '../../../simulations/engine/tasks';
import type { Step } from '../../../simulations/scenario/types';
import { fakeScheduler, recorder } from './fakes';

function build() {
	const log: string[] = [];
	const trace = recorder();
	const awaits: Awaits = {
		now: () => 0,
		io: (ms, label) => log.push(`io ${ms} ${label}`),
		offload: () => null,
		acquire: () => undefined,
		release: () => {},
		rpc: () => {},
		syncCall: () => undefined,
		beat: () => log.push('beat'),
		lag: () => {},
		deadlock: (reason) => log.push(`deadlock ${reason}`),
		handoff: (h) => log.push(`handoff ${h.kind} ${h.from}→${h.to}`),
		requestEnded: (record, status) => log.push(`ended ${record.id} ${status}`)
	};
	return { tasks: new Tasks(fakeScheduler(log), trace.emit, awaits), log, trace };
}

const program = (steps: Step[]) => compile(steps, 'h');
const record = () => ({
	id: 'r1',
	handler: 'h',
	arriveMs: 0,
	startMs: null,
	endMs: null,
	status: 'unfinished' as const
});

describe('Tasks', () => {
	it('spawn() makes the task ready and schedules its first step with call_soon', () => {
		const { tasks, log, trace } = build();
		const task = tasks.create('r1', 'request', program([]), record());
		expect(task.state).toBe('pending');
		tasks.spawn(task);
		expect(task.state).toBe('ready');
		expect(log).toEqual(['call_soon r1 step']);
		expect(trace.bodies).toEqual([{ type: 'task', detail: { state: 'ready', on: null } }]);
	});

	it('a step runs instructions until an await: Python returns an action, sleep suspends', () => {
		const { tasks, log } = build();
		const task = tasks.create(
			'r1',
			'request',
			program([
				{ op: 'cpu', ms: 5 },
				{ op: 'sleep', ms: 10 }
			]),
			record()
		);
		tasks.spawn(task);
		expect(task.step.run()).toEqual({ kind: 'py', ms: 5, doing: 'r1: Python (5 ms)' });
		expect(task.state).toBe('running');
		expect(task.request?.startMs).toBe(0);
		expect(task.step.run()).toBeNull();
		expect(task.state).toBe('waiting');
		expect(task.on).toBe('asyncio.sleep(10 ms)');
		expect(log.at(-1)).toBe('call_later 10 sleep done → r1');
	});

	it('the coroutine returning ends the task and its request', () => {
		const { tasks, log } = build();
		const task = tasks.create('r1', 'request', program([]), record());
		tasks.spawn(task);
		expect(task.step.run()).toBeNull();
		expect(task.state).toBe('done');
		expect(log.at(-1)).toBe('ended r1 ok');
		expect(tasks.live).toBe(0);
	});

	it('gather spawns one child per branch; the parent wakes once all of them are done', () => {
		const { tasks, log } = build();
		const parent = tasks.create(
			'r1',
			'request',
			program([{ op: 'gather', branches: [[], []] }]),
			record()
		);
		tasks.spawn(parent);
		expect(parent.step.run()).toBeNull();
		expect(parent.on).toBe('gather of 2');
		const [c1, c2] = tasks.all.slice(1);
		c1.step.run();
		c2.step.run();
		expect(log.filter((l) => l.startsWith('call_soon gather'))).toEqual([
			'call_soon gather: r1/1 done',
			'call_soon gather: r1/2 done'
		]);
	});
});
