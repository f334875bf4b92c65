import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/simulate';
import type { Scenario, Step } from '../../../simulations/scenario/types';
import { scenario } from '../build';

const ends = (r: ReturnType<typeof simulate>) =>
	Object.fromEntries(r.requests.map((q) => [q.id, q.endMs]));

describe('simulate(scenario): loop order', () => {
	it('runs due timers after the I/O callbacks of the same iteration (F2)', () => {
		const r = simulate(
			scenario(
				{ h: [{ op: 'block', ms: 100 }] },
				[
					['r1', 0, 'h'],
					['r2', 10, 'h']
				],
				{},
				[{ kind: 'heartbeat', everyMs: 50, startMs: -40 }]
			),
			{ trace: true }
		);
		// The beat due at 10 ms waits behind r2's read callback, then behind r2's whole step.
		expect(r.heartbeats[0]).toBe(200);
	});

	it('asyncio.sleep(0) yields to the callbacks already queued', () => {
		const r = simulate(
			scenario(
				{
					a: [
						{ op: 'sleep', ms: 0 },
						{ op: 'cpu', ms: 10 }
					],
					b: [{ op: 'cpu', ms: 10 }]
				},
				[
					['a1', 0, 'a'],
					['b1', 0, 'b']
				]
			)
		);
		expect(ends(r)).toEqual({ a1: 20, b1: 10 });
	});

	it('a handler with no steps returns on its first step', () => {
		expect(ends(simulate(scenario({ h: [] }, [['r1', 5, 'h']])))).toEqual({ r1: 5 });
	});
});

describe('simulate(scenario): failures and locks', () => {
	it('fail ends the request with its error and releases the locks it holds', () => {
		const r = simulate(
			scenario(
				{
					bad: [
						{
							op: 'lock',
							name: 'L',
							kind: 'asyncio',
							steps: [
								{ op: 'sleep', ms: 5 },
								{ op: 'fail', error: 'ValueError: x' }
							]
						}
					],
					good: [{ op: 'lock', name: 'L', kind: 'asyncio', steps: [{ op: 'sleep', ms: 5 }] }]
				},
				[
					['bad1', 0, 'bad'],
					['good1', 1, 'good']
				]
			)
		);
		expect(r.requests[0]).toMatchObject({ status: 'error', error: 'ValueError: x', endMs: 5 });
		expect(r.requests[1]).toMatchObject({ status: 'ok', endMs: 10 });
	});

	it('asyncio.Lock hands over in FIFO order while the loop stays free', () => {
		const steps = [
			{
				op: 'lock' as const,
				name: 'L',
				kind: 'asyncio' as const,
				steps: [{ op: 'io' as const, ms: 10 }]
			}
		];
		const r = simulate(
			scenario({ h: steps, ping: [] }, [
				['a', 0, 'h'],
				['b', 1, 'h'],
				['c', 2, 'h'],
				['p', 3, 'ping']
			])
		);
		expect(ends(r)).toEqual({ a: 10, b: 20, c: 30, p: 3 });
	});

	it('a failing gather branch fails the parent with the same error; the other branches run on', () => {
		const r = simulate(
			scenario(
				{
					h: [
						{
							op: 'gather',
							branches: [[{ op: 'fail', error: 'KeyError: k' }], [{ op: 'sleep', ms: 50 }]]
						}
					]
				},
				[['r1', 0, 'h']]
			)
		);
		expect(r.requests[0]).toMatchObject({ status: 'error', error: 'KeyError: k', endMs: 0 });
		expect(r.endMs).toBe(50);
	});

	it('re-acquiring a threading.Lock a task already holds deadlocks at once', () => {
		const inner = { op: 'lock' as const, name: 'L', kind: 'thread' as const, steps: [] };
		const r = simulate(
			scenario({ h: [{ op: 'lock', name: 'L', kind: 'thread', steps: [inner] }] }, [['r1', 0, 'h']])
		);
		expect(r.outcome).toBe('hung');
		expect(r.hung?.reason).toMatch(/already holds it/);
	});

	it('an asyncio.Lock cycle between two requests hangs with both waits named', () => {
		const hold = (a: string, b: string) => [
			{
				op: 'lock' as const,
				name: a,
				kind: 'asyncio' as const,
				steps: [
					{ op: 'sleep' as const, ms: 5 },
					{ op: 'lock' as const, name: b, kind: 'asyncio' as const, steps: [] }
				]
			}
		];
		const r = simulate(
			scenario({ ab: hold('A', 'B'), ba: hold('B', 'A') }, [
				['x', 0, 'ab'],
				['y', 0, 'ba']
			])
		);
		expect(r.outcome).toBe('hung');
		expect(r.hung?.reason).toMatch(
			/x waits for asyncio.Lock 'B' held by y.*y waits for asyncio.Lock 'A' held by x/
		);
	});
});

describe('simulate(scenario): the pool', () => {
	it('threads: 0 with one pre-started thread reuses it, and a failed submit runs its work again later (F20)', () => {
		const r = simulate(
			scenario(
				{ h: [{ op: 'offload', ms: 100, work: 'block', noThread: 'inline' }] },
				[
					['r1', 0, 'h'],
					['r2', 1, 'h']
				],
				{ threads: 0, threadsStarted: 1 }
			),
			{ trace: true }
		);
		expect(ends(r)).toEqual({ r1: 101, r2: 101 });
		const runs = (r.trace ?? []).filter(
			(e) => e.type === 'thread' && e.actor === 'pool-1' && e.detail.doing?.startsWith('r2')
		);
		expect(runs.some((e) => e.type === 'thread' && e.detail.doing?.includes('second run'))).toBe(
			true
		);
		expect(r.endMs).toBe(200);
	});

	it('the limit stops a run with unfinished work as stopped, not hung', () => {
		const r = simulate({
			...scenario({ h: [{ op: 'sleep', ms: 500 }] }, [['r1', 0, 'h']]),
			limitMs: 100
		});
		expect(r).toMatchObject({ outcome: 'stopped', endMs: 100, hung: null });
		expect(r.stopped).toEqual({
			atMs: 100,
			why: 'limit',
			reason:
				'Stopped at the 100 ms limit: 1 request unfinished, the queue held at 1 over the last 10 ms; r1 waits for asyncio.sleep(500 ms)'
		});
		expect(r.requests[0].status).toBe('unfinished');
	});

	it('a slow server at its limit is stopped with the queue still growing, and traced so', () => {
		const r = simulate(
			{
				...scenario(
					{ h: [{ op: 'block', ms: 20 }] },
					Array.from({ length: 100 }, (_, i): [string, number, string] => [
						`r${i + 1}`,
						i * 10,
						'h'
					])
				),
				limitMs: 1000
			},
			{ trace: true }
		);
		expect(r.outcome).toBe('stopped');
		expect(r.stopped?.reason).toMatch(
			/^Stopped at the 1 s limit: 50 requests unfinished, the queue was still growing \(46 → 50 over the last 100 ms\); r51 is running/
		);
		const end = r.trace?.slice(-2).map((e) => [e.type, e.detail]);
		expect(end).toEqual([
			['stopped', { why: 'limit', reason: r.stopped?.reason }],
			['end', { outcome: 'stopped' }]
		]);
	});
});

describe('simulate(scenario): the host', () => {
	const io = { h: [{ op: 'io' as const, ms: 100 }] };
	const burst: [string, number, string][] = [
		['r1', 0, 'h'],
		['r2', 0, 'h'],
		['r3', 10, 'h']
	];
	it('a loop host overlaps awaited I/O', () => {
		expect(ends(simulate(scenario(io, burst)))).toEqual({ r1: 100, r2: 100, r3: 110 });
	});
	it('runUntilComplete runs one request per call: later arrivals wait in the host', () => {
		const r = simulate(scenario(io, burst, { host: 'runUntilComplete' }), { trace: true });
		expect(ends(r)).toEqual({ r1: 100, r2: 200, r3: 300 });
		expect(r.requests.map((q) => q.startMs)).toEqual([0, 100, 200]);
		const waits = (r.trace ?? []).filter((e) => e.type === 'task' && e.detail.state === 'arrived');
		expect(waits.map((e) => e.actor)).toEqual(['r2', 'r3']);
	});
	it('a hung call keeps the queued requests in the host, and the reason says so', () => {
		const r = simulate(
			scenario(
				{ ...io, stuck: [{ op: 'rpc', ms: 5, handoff: 'unsafe', client: 'perRequest' }] },
				[
					['r1', 0, 'stuck'],
					['r2', 1, 'h']
				],
				{ host: 'runUntilComplete' }
			)
		);
		expect(r.outcome).toBe('hung');
		expect(r.hung?.reason).toMatch(/r2 waits in the host/);
	});
});

describe('simulate(scenario): limits', () => {
	// The README's example: a 0.01 ms heartbeat over an hour.
	const enormous = () => {
		const s = scenario({ h: [{ op: 'sleep', ms: 3_000_000 }] }, [['r1', 0, 'h']], {}, [
			{ kind: 'heartbeat', everyMs: 0.01, startMs: 0 }
		]);
		return { ...s, limitMs: 3_600_000 };
	};

	it('a valid but enormous run stops at the event budget, stopped and not hung', () => {
		const r = simulate(enormous(), { budget: 20_000 });
		expect(r.outcome).toBe('stopped');
		expect(r.hung).toBeNull();
		expect(r.stopped?.why).toBe('budget');
		expect(r.stopped?.reason).toMatch(
			/^stopped: this scenario needs more than 20,000 events, the engine's budget \(stopped at .* ms; shorten limitMs or slow down the background tasks\): 1 request unfinished, .*; r1 waits for asyncio\.sleep\(3000000 ms\)$/
		);
		expect(r.endMs).toBeLessThan(3_000_000);
	});

	it('the budget bounds the trace, and a traced run stops where an untraced one does', () => {
		const traced = simulate(enormous(), { budget: 20_000, trace: true });
		const plain = simulate(enormous(), { budget: 20_000 });
		expect(traced.endMs).toBe(plain.endMs);
		expect(traced.heartbeats).toEqual(plain.heartbeats);
		// Thread and GIL changes are traced beside the counted events: a few per step at most.
		expect(traced.trace?.length).toBeLessThan(3 * 20_000);
	});
});

describe('simulate(scenario): the GIL', () => {
	// A long CPU task in the pool, then 100 ms of Python on the loop thread itself.
	const loopPythonMs = (gil: boolean) => {
		const r = simulate(
			scenario(
				{
					bg: [{ op: 'offload', ms: 1000, work: 'cpu', noThread: 'raise' }],
					fg: [{ op: 'cpu', ms: 100 }]
				},
				[
					['bg1', 0, 'bg'],
					['fg1', 10, 'fg']
				],
				{ gil }
			)
		);
		const fg = r.requests[1];
		return (fg.endMs as number) - (fg.startMs as number);
	};

	it("a CPU thread halves the loop thread's own Python speed while both want the GIL (F17)", () => {
		expect(loopPythonMs(true)).toBeGreaterThanOrEqual(190);
		expect(loopPythonMs(true)).toBeLessThanOrEqual(215);
	});

	it('without the GIL the same work overlaps on two cores', () => {
		expect(loopPythonMs(false)).toBe(100);
	});

	// A CPU thread spins in the pool from 0; r1 arrives at 50 and runs `loop` on the loop thread.
	const besideSpinner = (loop: Step[]) => {
		const r = simulate(
			scenario({ spin: [{ op: 'offload', ms: 1000, work: 'cpu', noThread: 'raise' }], loop }, [
				['worker', 0, 'spin'],
				['r1', 50, 'loop']
			])
		);
		const [worker, r1] = r.requests;
		return { worker: worker.endMs as number, r1: (r1.endMs as number) - (r1.startMs as number) };
	};
	const times = (n: number, step: Step) => Array.from({ length: n }, () => step);

	it('a select() that returns at once keeps the GIL: 20 x sleep(0) lose no switch interval (F36)', () => {
		expect(besideSpinner(times(20, { op: 'sleep', ms: 0 })).r1).toBe(0);
	});

	it('a select() that sleeps loses the GIL: each 2 ms sleep waits a switch interval for it (F36)', () => {
		expect(besideSpinner(times(5, { op: 'sleep', ms: 2 })).r1).toBe(5 * (2 + 5));
	});

	it("a pool thread's Python loses every slice the loop thread runs Python in, however short", () => {
		const chunk: Step = { op: 'cpu', ms: 3 };
		expect(
			besideSpinner([chunk, { op: 'sleep', ms: 0 }, chunk, { op: 'sleep', ms: 1 }, chunk]).worker
		).toBe(1009);
		expect(besideSpinner([{ op: 'cpu', ms: 20 }]).worker).toBe(1020);
	});
});

describe('simulate(scenario): timer lateness (F37)', () => {
	// r1 sleeps 35 ms from 0; r2 (when present) arrives at 10.5 ms and wakes the loop mid-sleep.
	const sleeperEnd = (timerLateness: 'epoll' | 'exact', woken: boolean) => {
		const requests: [string, number, string][] = [['r1', 0, 'nap']];
		if (woken) requests.push(['r2', 10.5, 'quick']);
		const r = simulate(
			scenario({ nap: [{ op: 'sleep', ms: 35 }], quick: [] }, requests, { timerLateness })
		);
		return r.requests[0].endMs;
	};

	it('exact: the timer fires on the dot, woken or not', () => {
		expect(sleeperEnd('exact', false)).toBe(35);
		expect(sleeperEnd('exact', true)).toBe(35);
	});

	it('epoll: a whole-millisecond timeout wakes 0.3 ms late', () => {
		expect(sleeperEnd('epoll', false)).toBe(35.3);
	});

	it('epoll: after another wake-up the rest of the timeout rounds up to a whole ms (24.5 -> 25)', () => {
		expect(sleeperEnd('epoll', true)).toBe(35.8);
	});
});

describe('simulate(scenario, { toLimit: true }): a server that waits for more', () => {
	const beat: Scenario['background'] = [{ kind: 'heartbeat', everyMs: 100, startMs: 0 }];
	const waiting = (requests: [string, number, string][], limitMs: number) => ({
		...scenario({ h: [{ op: 'block', ms: 200 }] }, requests, {}, beat),
		limitMs
	});

	it('runs on to limitMs after the last response, beating, and ends completed', () => {
		const r = simulate(waiting([['r1', 0, 'h']], 1000), { toLimit: true });
		expect(r.outcome).toBe('completed');
		expect(r.endMs).toBe(1000);
		expect(r.heartbeats.at(-1)).toBe(1000);
	});

	it('with no request at all, the idle loop beats until the limit', () => {
		const r = simulate(waiting([], 500), { toLimit: true });
		expect([r.outcome, r.endMs, r.heartbeats.length]).toEqual(['completed', 500, 5]);
	});

	it('a request still running at the limit leaves the run stopped at the limit, as without it', () => {
		const r = simulate(waiting([['r1', 900, 'h']], 1000), { toLimit: true });
		expect([r.outcome, r.stopped?.atMs, r.requests[0].status]).toEqual([
			'stopped',
			1000,
			'unfinished'
		]);
	});

	it('without it the same run ends with its last response', () => {
		expect(simulate(waiting([['r1', 0, 'h']], 1000)).endMs).toBe(200);
	});
});
