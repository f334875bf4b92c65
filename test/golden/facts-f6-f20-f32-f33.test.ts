import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { loadScenario } from '../scenario-files';
import { ends, near, run } from './measured';

// CPython 3.11.7 figures from the shared asyncio-facts.md (F6, F20, F32, F33), with the
// tolerances of facts.test.ts: the model leaves out CPython's ≈1 ms per callback, so figures
// late in a burst (after five handlers and the accept chain) sit at the low end of the range.

describe('F6: a burst on new TCP connections lets the overdue timers in after the first request', () => {
	const fresh = run('test/scenarios/f06-new-connections-burst');
	it('beats at ≈204-212 ms and ≈1009-1016 ms (measured, 3 runs)', () => {
		expect(fresh.heartbeats.filter((t) => t > 0)).toHaveLength(2);
		near(
			fresh.heartbeats.filter((t) => t > 0),
			[204, 1009],
			10
		);
	});
	it('lag samples ≈160 ms at ≈205 ms and ≈700-711 ms at ≈1016 ms', () => {
		const big = fresh.lag.filter((l) => l.lagMs > 20);
		near(
			big.map((l) => l.lagMs),
			[160, 700],
			10
		);
		near(
			big.map((l) => l.atMs),
			[205, 1009],
			10
		);
	});
	it('the handlers still serialize: 200/400/600/800/1000 ms, as on keep-alive connections', () => {
		near(ends(fresh), [201, 403, 603, 803, 1004], 6);
	});
	it('the same burst on open keep-alive connections gives one ≈950 ms sample and no beat', () => {
		const kept = run('lessons/02-blocking-vs-offloaded/time-sleep');
		expect(kept.lag.filter((l) => l.lagMs > 20).map((l) => l.lagMs)).toEqual([950]);
		expect(kept.heartbeats.filter((t) => t > 0 && t < 1000)).toEqual([]);
	});
	it('accept, _accept_connection2, connection_made/_add_reader and the read are separate iterations', () => {
		const r = simulate(loadScenario('test/scenarios/f06-new-connections-burst.json'), {
			trace: true
		});
		const order = (r.trace ?? []).flatMap((e) =>
			e.type === 'run' && /r2$|^_accept_connection$/.test(e.detail.cb) ? [e.detail.cb] : []
		);
		// r1's connection is accepted alone at t = 0; r2..r5 wait in the backlog behind its block.
		expect(order.slice(0, 6)).toEqual([
			'_accept_connection',
			'_accept_connection',
			'_accept_connection2 → r2',
			'connection_made → r2',
			'_add_reader → r2',
			'read request r2'
		]);
	});
});

describe('F20: stale work items re-run when a thread limit frees up', () => {
	const r = simulate(loadScenario('test/scenarios/f20-threads-free-up.json'), { trace: true });
	it('three refused submits fall back inline (200/400/600 ms); the new request answers at ≈1,404 ms', () => {
		near(ends(r), [200, 400, 600, 1404], 6);
		expect(r.requests.every((q) => q.status === 'ok')).toBe(true);
	});
	it("the next submit's thread first re-runs every stale item, at ≈603/803/1003 ms", () => {
		const second = (r.trace ?? []).filter(
			(e) =>
				e.type === 'thread' && e.detail.kind === 'pool' && /second run/.test(e.detail.doing ?? '')
		);
		expect(second.map((e) => (e.type === 'thread' ? e.detail.doing : ''))).toEqual([
			'r1: block 200 ms (second run)',
			'r2: block 200 ms (second run)',
			'r3: block 200 ms (second run)'
		]);
		near(
			second.map((e) => e.t),
			[603, 803, 1003],
			6
		);
	});
});

describe("F32: FastAPI def endpoints run on anyio's worker pool", () => {
	it('five def endpoints that time.sleep(0.2) overlap (each done 200 ms after it arrives) and the loop stays free', () => {
		const r = run('test/scenarios/f32-def-endpoint-burst');
		expect(r.requests.map((q) => (q.endMs as number) - q.arriveMs)).toEqual([
			200, 200, 200, 200, 200
		]);
		// On its cadence, give or take F37's sub-millisecond timer lateness.
		near(
			r.heartbeats.filter((t) => t > 0),
			[50, 150],
			1
		);
		expect(r.lag.every((l) => l.lagMs < 1)).toBe(true);
	});
	it('its threads are anyio workers, not the default executor: the frame lanes show anyio-1..5 as pool threads', () => {
		const r = simulate(loadScenario('test/scenarios/f32-def-endpoint-burst.json'), { trace: true });
		const lanes = new Map<string, string>();
		for (const e of r.trace ?? []) if (e.type === 'thread') lanes.set(e.actor, e.detail.kind);
		expect([...lanes].filter(([, kind]) => kind === 'pool').map(([name]) => name)).toEqual([
			'anyio-1',
			'anyio-2',
			'anyio-3',
			'anyio-4',
			'anyio-5'
		]);
		expect((r.trace ?? []).some((e) => e.type === 'pool')).toBe(false);
	});
	it("the default executor's size does not bound them: with max_workers 1 the five still overlap", () => {
		const s = loadScenario('test/scenarios/f32-def-endpoint-burst.json');
		const r = simulate({ ...s, runtime: { ...s.runtime, threads: 1 } });
		expect(r.requests.map((q) => (q.endMs as number) - q.arriveMs)).toEqual([
			200, 200, 200, 200, 200
		]);
	});
	it('the limiter has 40 tokens: 40 concurrent calls end at 200 ms, the 41st waits for a token and ends at 400 ms', () => {
		const e = ends(run('test/scenarios/f32-def-endpoint-41'));
		expect(e.slice(0, 40)).toEqual(Array(40).fill(200));
		expect(e[40]).toBe(400);
	});
	it("where threads cannot start, each call raises RuntimeError: can't start new thread at once", () => {
		const r = run('test/scenarios/f32-def-endpoint-no-threads');
		for (const q of r.requests) {
			expect(q).toMatchObject({ status: 'error', error: "RuntimeError: can't start new thread" });
			expect(q.endMs).toBe(q.startMs);
		}
	});
});

describe('F33: as_completed and batches of 2 hang exactly as gather does', () => {
	for (const how of ['as-completed', 'batches']) {
		it(`${how}, threading.Lock held across await: deadlock in acquire, no heartbeats`, () => {
			const r = run(`test/scenarios/f33-thread-lock-${how}`);
			expect(r.outcome).toBe('hung');
			expect(r.hung?.reason).toMatch(/^deadlock: .*client_lock.*main\/2.*main\/1 holds it/);
			expect(r.heartbeats).toEqual([]);
		});
		it(`${how}, single pending slot: hung while heartbeats continue`, () => {
			const r = run(`test/scenarios/f33-single-slot-${how}`);
			expect(r.outcome).toBe('hung');
			expect(r.hung?.reason).toMatch(/^only background tasks can still run;.*single slot/);
			expect(r.heartbeats.filter((t) => t > 0).length).toBeGreaterThan(0);
		});
		it(`${how}, lost wake-up: hung asleep in select`, () => {
			const r = run(`test/scenarios/f33-lost-wakeup-${how}`);
			expect(r.outcome).toBe('hung');
			expect(r.hung?.reason).toMatch(/asleep in select/);
		});
	}
});
