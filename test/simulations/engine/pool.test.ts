import { describe, expect, it } from 'vitest';
import type { ThreadControl } from '../../../simulations/engine/capabilities';
import { Pool } from '../../../simulations/engine/pool';
import type { Instr } from '../../../simulations/engine/program';
import { CANT_START } from '../../../simulations/rules/messages';
import { fakeScheduler, fakeTask, fakeTaskControl, recorder } from './fakes';

type OffloadInstr = Extract<Instr, { op: 'offload' }>;
const offload = (noThread: OffloadInstr['noThread'] = 'raise'): OffloadInstr => ({
	op: 'offload',
	ms: 3,
	work: 'block',
	noThread,
	src: { path: 'h' }
});

function build(maxWorkers: number, started = 0) {
	const log: string[] = [];
	const threads: ThreadControl = {
		created: (th) => log.push(`created ${th.name}`),
		start: (th) => log.push(`start ${th.name}`),
		resume: (th) => log.push(`resume ${th.name}`),
		resumeLoopThread: () => log.push('resume loop')
	};
	const pool = new Pool(
		fakeScheduler(log),
		fakeTaskControl(log),
		threads,
		recorder().emit,
		maxWorkers,
		started,
		() => maxWorkers > 0
	);
	return { pool, log };
}

describe('Pool', () => {
	it('submit() with no token starts a thread and blocks the loop thread in Thread.start()', () => {
		const { pool, log } = build(2);
		const task = fakeTask('r1');
		expect(pool.submit(task, offload())).toEqual({
			kind: 'wait',
			doing: 'r1: Thread.start() of pool-1'
		});
		expect(log).toEqual(['created pool-1', 'start pool-1', 'block r1: to_thread: block 3 ms']);
		expect(task.suspendAfterWait).toBe(true);
		expect(pool.queueLabels()).toEqual(['r1: block 3 ms']);
	});

	it('a pre-started idle thread takes the item and the task just waits', () => {
		const { pool, log } = build(2, 1);
		expect(pool.submit(fakeTask('r1'), offload())).toBeNull();
		expect(log.slice(1)).toEqual(['resume pool-1', 'suspend r1: to_thread: block 3 ms']);
	});

	it('with threads: 0, submit raises or runs the work inline, leaving the item queued', () => {
		const raising = build(0);
		expect(raising.pool.submit(fakeTask('r1'), offload('raise'))).toBeNull();
		expect(raising.log).toEqual([`fail r1: ${CANT_START}`]);
		const inline = build(0);
		expect(inline.pool.submit(fakeTask('r1'), offload('inline'))).toEqual({
			kind: 'block',
			ms: 3,
			doing: 'r1: inline fallback, block 3 ms'
		});
		expect(inline.pool.queueLabels()).toEqual(['r1: block 3 ms']);
		expect(inline.pool.runnableQueue()).toBe(0);
	});
});
