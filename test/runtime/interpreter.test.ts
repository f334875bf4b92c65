import { describe, expect, it } from 'vitest';
import { runForReal, whyNotReal } from '../../src/runtime/interpreter';
import { scenario } from '../simulations/build';
import { fakeEnv } from './fake-env';

async function run(s: Parameters<typeof runForReal>[0]) {
	const { env, drain } = fakeEnv();
	const done = runForReal(s, env);
	await drain();
	return done;
}
const burst = (n: number): [string, number, string][] =>
	Array.from({ length: n }, (_, i) => [`r${i + 1}`, i * 2, 'h']);
const ends = (r: Awaited<ReturnType<typeof run>>) => r.requests.map((q) => q.endMs);

describe('runForReal(scenario, env)', () => {
	it('serializes blocking handlers on the one event loop', async () => {
		expect(ends(await run(scenario({ h: [{ op: 'block', ms: 200 }] }, burst(5))))).toEqual([
			200, 400, 600, 800, 1000
		]);
	});

	it('overlaps awaited sleeps and offloaded blocking calls', async () => {
		expect(ends(await run(scenario({ h: [{ op: 'sleep', ms: 200 }] }, burst(3))))).toEqual([
			200, 202, 204
		]);
		const offloaded = scenario(
			{ h: [{ op: 'offload', ms: 200, work: 'block', noThread: 'raise' }] },
			burst(3)
		);
		expect(ends(await run(offloaded))).toEqual([200, 202, 204]);
	});

	it('with a runUntilComplete host, runs one request at a time, in arrival order', async () => {
		const s = scenario({ h: [{ op: 'io', ms: 100 }] }, burst(3), { host: 'runUntilComplete' });
		const r = await run(s);
		expect(ends(r)).toEqual([100, 200, 300]);
		expect(r.requests.map((q) => q.startMs)).toEqual([0, 100, 200]);
	});

	it('queues offloaded work beyond the pool size, in waves', async () => {
		const s = scenario(
			{ h: [{ op: 'offload', ms: 200, work: 'block', noThread: 'raise' }] },
			burst(5),
			{ threads: 2 }
		);
		expect(ends(await run(s))).toEqual([200, 202, 400, 402, 600]);
	});

	it('runs a refused item again on the existing thread later, as CPython does (F20)', async () => {
		const { env, drain } = fakeEnv();
		const offloads: number[] = [];
		const offload = env.offload;
		env.offload = (work, ms, finished) => {
			offloads.push(env.now());
			return offload(work, ms, finished);
		};
		const s = scenario(
			{ h: [{ op: 'offload', ms: 200, work: 'block', noThread: 'inline' }] },
			burst(5),
			{ threads: 0, threadsStarted: 1 }
		);
		const done = runForReal(s, env);
		await drain();
		const r = await done;
		// r1 and r3, r5 (which found a token) run on the thread; r2 and r4 run inline and again there.
		expect(offloads).toHaveLength(5);
		expect(r.requests.every((q) => q.status === 'ok')).toBe(true);
	});

	it('raises or falls back inline when no thread can start', async () => {
		const raise = await run(
			scenario({ h: [{ op: 'offload', ms: 50, work: 'block', noThread: 'raise' }] }, burst(1), {
				threads: 0
			})
		);
		expect(raise.requests[0]).toMatchObject({
			status: 'error',
			error: "RuntimeError: can't start new thread"
		});
		const inline = await run(
			scenario({ h: [{ op: 'offload', ms: 50, work: 'block', noThread: 'inline' }] }, burst(2), {
				threads: 0
			})
		);
		expect(ends(inline)).toEqual([50, 100]);
	});

	it('serializes an asyncio.Lock, fails with the step error, and gathers branches', async () => {
		const locked = [
			{
				op: 'lock' as const,
				name: 'L',
				kind: 'asyncio' as const,
				steps: [{ op: 'sleep' as const, ms: 10 }]
			}
		];
		expect(
			ends(
				await run(
					scenario({ h: locked }, [
						['a', 0, 'h'],
						['b', 0, 'h']
					])
				)
			)
		).toEqual([10, 20]);
		const failed = await run(scenario({ h: [{ op: 'fail', error: 'ValueError: x' }] }, burst(1)));
		expect(failed.requests[0]).toMatchObject({ status: 'error', error: 'ValueError: x' });
		const gathered = await run(
			scenario(
				{ h: [{ op: 'gather', branches: [[{ op: 'sleep', ms: 30 }], [{ op: 'sleep', ms: 50 }]] }] },
				burst(1)
			)
		);
		expect(ends(gathered)).toEqual([50]);
	});

	it('records heartbeats and lag, and the single long lag sample after a burst', async () => {
		const s = scenario({ h: [{ op: 'block', ms: 200 }] }, burst(5), {}, [
			{ kind: 'heartbeat', everyMs: 100, startMs: -250 },
			{ kind: 'lagMonitor', everyMs: 100, startMs: -250 }
		]);
		const r = await run(s);
		expect(r.heartbeats.filter((t) => t > 0 && t < 1000)).toEqual([]);
		expect(r.lag.filter((l) => l.lagMs > 100).map((l) => l.lagMs)).toEqual([950]);
	});

	it('is stopped at the limit, not hung, with the unfinished requests named', async () => {
		const r = await run({ ...scenario({ h: [{ op: 'sleep', ms: 500 }] }, burst(1)), limitMs: 100 });
		expect([r.outcome, r.hung, r.stopped?.why]).toEqual(['stopped', null, 'limit']);
		expect(r.stopped?.reason).toBe(
			'Stopped at the 100 ms limit: 1 request unfinished, the queue held at 1 over the last 10 ms; r1 is unfinished'
		);
	});
});

describe('whyNotReal(scenario, isolated)', () => {
	it('names what cannot run for real in this browser', () => {
		const unsafe = scenario(
			{ h: [{ op: 'rpc', ms: 1, handoff: 'unsafe', client: 'perRequest' }] },
			burst(1)
		);
		expect(whyNotReal(unsafe, true)).toBeNull();
		expect(whyNotReal(unsafe, false)).toBe('the unsafe hand-off (it needs shared memory)');
		const nested = scenario(
			{ h: [{ op: 'gather', branches: [[{ op: 'threadsafeResult', steps: [] }]] }] },
			burst(1)
		);
		expect(whyNotReal(nested, true)).toBe('run_coroutine_threadsafe(...).result()');
		expect(whyNotReal(scenario({ h: [{ op: 'cpu', ms: 1 }] }, burst(1)), false)).toBeNull();
	});
});

describe('runForReal(scenario, env): rpc and thread locks', () => {
	const rpc = (client: 'perRequest' | 'singleSlot') => ({
		op: 'rpc' as const,
		ms: 20,
		handoff: 'threadsafe' as const,
		client
	});
	it('answers gathered calls in order from one server, 20 ms each', async () => {
		const r = await run(
			scenario(
				{
					h: [
						{
							op: 'gather',
							branches: [[rpc('perRequest')], [rpc('perRequest')], [rpc('perRequest')]]
						}
					]
				},
				burst(1)
			)
		);
		expect(ends(r)).toEqual([60]);
	});

	it('a single pending slot loses two of three gathered responses: the run ends at its limit', async () => {
		const s = {
			...scenario(
				{
					h: [
						{
							op: 'gather',
							branches: [[rpc('singleSlot')], [rpc('singleSlot')], [rpc('singleSlot')]]
						}
					]
				},
				burst(1)
			),
			limitMs: 500
		};
		// Nothing runs on the loop after the lost responses: at the limit it is stuck, not slow.
		const r = await run(s);
		expect(r.outcome).toBe('hung');
		expect(r.hung?.reason).toMatch(/^nothing ran on the loop for its last \d+ ms; /);
	});

	it('a threading.Lock held across an await blocks the loop thread for good when contended', async () => {
		const locked = [
			{ op: 'lock' as const, name: 'client', kind: 'thread' as const, steps: [rpc('perRequest')] }
		];
		// The fake env stops where a worker would block for good, and says why.
		const { env, drain, blocked } = fakeEnv();
		void runForReal(scenario({ h: [{ op: 'gather', branches: [locked, locked] }] }, burst(1)), env);
		await drain();
		expect(blocked()).toMatch(
			/^deadlock: the loop thread is blocked in threading.Lock 'client'.acquire\(\) for r1\/2 while r1\/1 holds it/
		);
	});
});
