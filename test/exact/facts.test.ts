import { beforeAll, describe, expect, it } from 'vitest';
import { CANT_START } from '../../simulations/index';
import { ends, exact, startCPython } from './cpython';

// Exact mode reproduces the facts sheet's figures (shared asyncio-facts.md) with CPython's own
// loop. Virtual time is exact, so the figures are the model's round numbers: CPython's ~1 ms
// per handler step of a real machine is not there (no wall clock).
beforeAll(startCPython);

describe('F4/F6: five blocking 200 ms handlers, keep-alive', () => {
	it('end at 200/400/600/800/1000 ms; one lag sample of 950 ms; the heartbeat beats once, after', async () => {
		const { result } = await exact('lessons/02-blocking-vs-offloaded/time-sleep');
		expect(ends(result)).toEqual([200, 400, 600, 800, 1000]);
		expect(result.lag).toEqual([{ atMs: 1000, lagMs: 950 }]);
		expect(result.heartbeats).toEqual([1000]);
	});

	it('the timers due during the first block run only after all five handlers (F2)', async () => {
		const { result } = await exact('lessons/02-blocking-vs-offloaded/time-sleep', true);
		const runs = (result.trace ?? []).flatMap((e) =>
			e.type === 'run' ? [`${e.t} ${e.detail.cb}`] : []
		);
		const at = runs.indexOf('1000 heartbeat step');
		expect(runs.slice(at - 4, at + 2)).toEqual([
			'200 r2 step',
			'400 r3 step',
			'600 r4 step',
			'800 r5 step',
			'1000 heartbeat step',
			'1000 lagMonitor step'
		]);
	});
});

describe('F5/F16: awaited and offloaded waits overlap, a pool works in waves', () => {
	it('await asyncio.sleep(0.2) x 5 all end 200-202 ms after they arrive (measured 201-210)', async () => {
		// epoll's rounding up to 1 ms and the 0.3 ms overshoot are the rulebook's (timerLateness).
		const { result } = await exact('lessons/02-blocking-vs-offloaded/asyncio-sleep');
		for (const r of result.requests) {
			expect((r.endMs ?? 0) - r.arriveMs).toBeGreaterThanOrEqual(200);
			expect((r.endMs ?? 0) - r.arriveMs).toBeLessThanOrEqual(202);
		}
	});

	it('a 2-worker pool: waves at 200, 200, 400, 400, 600 ms', async () => {
		const { result } = await exact('lessons/02-blocking-vs-offloaded/pool-of-2');
		expect(ends(result)).toEqual([200, 202, 400, 402, 600]);
	});

	it('13 sleeps on 6 workers end in three waves', async () => {
		const { result, modelled } = await exact('test/scenarios/f16-pool-saturation');
		const waves = [...new Set(ends(result).map((t) => Math.floor((t ?? 0) / 50)))];
		expect(waves).toEqual([1, 2, 3]);
		expect(modelled).toContain('thread pool workers (virtual threads)');
	});
});

describe("F19/F20: threads that cannot start, through CPython's own ThreadPoolExecutor", () => {
	it('threads: 0 makes to_thread raise RuntimeError synchronously from submit', async () => {
		const { result } = await exact('test/scenarios/f19-no-threads-raise');
		expect(result.requests.every((r) => r.status === 'error' && r.error === CANT_START)).toBe(true);
	});

	it('a failed submit leaves its work queued; the busy pool thread runs it again (double run)', async () => {
		const { result } = await exact('test/scenarios/f20-double-run-one-busy', true);
		expect(ends(result)).toEqual([202, 202, 700]);
		const second = (result.trace ?? []).filter(
			(e) => e.actor === 'pool-1' && e.type === 'thread' && e.detail.state === 'blocked'
		);
		expect(second.map((e) => e.t)).toEqual([0, 200, 500]);
	});
});

describe('F9/F24: hand-offs from a reader thread', () => {
	it('fut.set_result from the reader thread with no timer: CPython hangs asleep in select()', async () => {
		const { result } = await exact('lessons/06-gather-deadlock/lost-wakeup', true);
		expect(result.outcome).toBe('hung');
		expect(result.hung?.reason).toMatch(
			/^nothing can ever happen again: the loop is asleep in select\(\)/
		);
		const queued = (result.trace ?? []).find(
			(e) => e.type === 'enqueue' && e.detail.via === 'unsafe'
		);
		expect(queued?.t).toBe(20);
	});

	it('with a 100 ms heartbeat the same code works, each response late', async () => {
		const { result } = await exact('lessons/06-gather-deadlock/lost-wakeup-timer');
		expect(result.outcome).toBe('completed');
		expect(result.requests[0].endMs).toBeGreaterThan(60);
	});

	it('call_soon_threadsafe wakes select() through the self-pipe: 3 responses in 60 ms', async () => {
		const { result } = await exact('lessons/06-gather-deadlock/fixed', true);
		expect(ends(result)).toEqual([60]);
		expect(
			(result.trace ?? []).some((e) => e.type === 'run' && e.detail.cb === '_read_from_self')
		).toBe(true);
	});

	it('a threading.Lock held across await deadlocks the loop thread under gather, not sequentially', async () => {
		const gather = (await exact('lessons/06-gather-deadlock/thread-lock-gather')).result;
		expect(gather.outcome).toBe('hung');
		expect(gather.hung?.reason).toMatch(/^deadlock: the loop thread is blocked in threading.Lock/);
		expect((await exact('lessons/06-gather-deadlock/thread-lock-sequential')).result.outcome).toBe(
			'completed'
		);
	});

	it("debug mode: CPython's own _check_thread() raises in the reader thread, which dies (F11)", async () => {
		const { result } = await exact('test/scenarios/f11-debug-unsafe', true);
		expect(result.outcome).toBe('hung');
		expect(result.warnings[0]).toMatchObject({ kind: 'threadCheck' });
		const log = (result.trace ?? []).find(
			(e) => e.type === 'log' && e.detail.source === 'threading.excepthook'
		);
		expect(log?.type === 'log' && log.detail.text).toContain(
			'RuntimeError: Non-thread-safe operation invoked on an event loop other than the current one'
		);
	});
});

describe('F29: debug mode prints CPython’s own slow-callback warnings', () => {
	it('five 200 ms blocks: five "Executing <Task finished …> took 0.200 seconds"', async () => {
		const { result, ranAsCPython } = await exact('lessons/08-catching-a-blocked-loop/long-blocks');
		expect(result.warnings.map((w) => [w.atMs, w.task, w.ms])).toEqual([
			[200, 'r1', 200],
			[400, 'r2', 200],
			[600, 'r3', 200],
			[800, 'r4', 200],
			[1000, 'r5', 200]
		]);
		for (const w of result.warnings)
			expect(w.message).toMatch(
				/^Executing <Task finished name='Task-\d+' coro=<upload\(\) done, .*> took 0\.200 seconds$/
			);
		expect(ranAsCPython).toContain(
			"debug mode (loop.set_debug(True)) and asyncio's slow-callback log"
		);
	});

	it('5 x 50 ms blocks: no warning at the default 100 ms threshold', async () => {
		const { result } = await exact('lessons/08-catching-a-blocked-loop/short-blocks');
		expect(result.warnings).toEqual([]);
	});
});

describe('F21: no threads, the inline fallback serializes everything', () => {
	it('health checks that never touch the lock still wait', async () => {
		const { result } = await exact('lessons/05-no-threads-fallback/inline-thread-lock');
		const health = result.requests.filter((r) => r.handler !== result.requests[0].handler);
		expect(health.every((r) => (r.endMs ?? 0) - r.arriveMs > 500 || r.arriveMs > 400)).toBe(true);
	});
});
