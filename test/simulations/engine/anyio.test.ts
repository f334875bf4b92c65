import { describe, expect, it } from 'vitest';
import { AnyioPool } from '../../../simulations/engine/anyio';
import type { ThreadControl } from '../../../simulations/engine/capabilities';
import type { Instr } from '../../../simulations/engine/program';
import type { SimThread } from '../../../simulations/engine/thread';
import { CANT_START } from '../../../simulations/rules/messages';
import { fakeScheduler, fakeTask, fakeTaskControl } from './fakes';

const block: Instr[] = [{ op: 'block', ms: 3, src: { path: 'h' } }];

function build(tokens: number, mayStart = true) {
	const log: string[] = [];
	const started: SimThread[] = [];
	const threads: ThreadControl = {
		created: (th) => log.push(`created ${th.name}`),
		start: (th) => (started.push(th), log.push(`start ${th.name}`)),
		resume: (th) => log.push(`resume ${th.name}`),
		resumeLoopThread: () => log.push('resume loop')
	};
	const scheduler = fakeScheduler(log);
	const reports: (() => void)[] = [];
	scheduler.callSoonThreadsafe = (cb) => {
		log.push(`threadsafe ${cb.label}`);
		reports.push(() => cb.run());
	};
	const anyio = new AnyioPool(scheduler, fakeTaskControl(log), threads, tokens, () => mayStart);
	return { anyio, log, started, reports };
}

describe('AnyioPool (FastAPI def endpoints, F32)', () => {
	it('takes a token after a checkpoint, then starts a thread and blocks the loop in Thread.start()', () => {
		const { anyio, log } = build(40);
		const task = fakeTask('r1');
		expect(anyio.acquire(task)).toBeNull();
		expect(anyio.run(task, block)).toEqual({
			kind: 'wait',
			doing: 'r1: Thread.start() of anyio-1'
		});
		expect(log).toEqual([
			'yield r1: anyio checkpoint: limiter token taken',
			'created anyio-1',
			'start anyio-1',
			"block r1: anyio.to_thread.run_sync: r1's def endpoint"
		]);
		expect(task.suspendAfterWait).toBe(true);
	});

	it('with no token left the caller waits; a release hands the token to the first waiter', () => {
		const { anyio, log } = build(1);
		const [a, b, c] = [fakeTask('a'), fakeTask('b'), fakeTask('c')];
		anyio.acquire(a);
		anyio.acquire(b);
		anyio.acquire(c);
		expect(log.slice(1)).toEqual([
			'suspend b: anyio limiter: waiting for a token (all 1 in use)',
			'suspend c: anyio limiter: waiting for a token (all 1 in use)'
		]);
		expect(anyio.release(a)).toBeUndefined();
		expect(log.at(-1)).toBe('wake b');
	});

	it('a worker is idle again only once its result is reported on the loop, then it is reused', () => {
		const { anyio, log, started, reports } = build(40);
		const [a, b] = [fakeTask('a'), fakeTask('b')];
		anyio.run(a, block);
		const worker = started[0];
		expect(worker.next()).toEqual({ kind: 'block', ms: 3, doing: 'a: def endpoint, block' });
		expect(worker.next()).toEqual({ kind: 'idle', doing: 'anyio worker: waiting for work' });
		expect(anyio.busy).toBe(1);
		reports[0]();
		expect(anyio.busy).toBe(0);
		expect(log.at(-1)).toBe('wake a');
		expect(anyio.run(b, block)).toBeNull();
		expect(log.slice(-2)).toEqual([
			'resume anyio-1',
			"suspend b: anyio.to_thread.run_sync: b's def endpoint"
		]);
	});

	it("where no thread may start, run_sync raises RuntimeError: can't start new thread and gives the token back", () => {
		const { anyio, log } = build(1, false);
		const [a, b] = [fakeTask('a'), fakeTask('b')];
		anyio.acquire(a);
		anyio.acquire(b);
		expect(anyio.run(a, block)).toBeNull();
		expect(log.slice(-2)).toEqual(['wake b', `fail a: ${CANT_START}`]);
	});

	it('an error raised in the def endpoint raises in the task when it leaves the limiter', () => {
		const { anyio, log, started, reports } = build(40);
		const a = fakeTask('a');
		anyio.run(a, [{ op: 'fail', error: 'ValueError: bad', src: { path: 'h' } }]);
		started[0].next();
		reports[0]();
		expect(anyio.release(a)).toBeNull();
		expect(log.at(-1)).toBe('fail a: ValueError: bad');
	});
});
