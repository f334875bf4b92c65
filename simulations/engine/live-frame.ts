import { loopThreadOf, type Frame } from '../frame';
import { roundMs } from '../result';
import type { Sim } from './sim';

/** The engine's own state projected onto a frame; tests check it equals the frame replayed from the trace. */
export function liveFrame(sim: Sim, index: number): Frame {
	const loop = sim.loop;
	const atSelector = new Set(loop.unread());
	const frame: Frame = {
		index,
		// A frame's time is that of its latest event; a step may move the clock without one.
		t: sim.trace?.at(-1)?.t ?? 0,
		loop: {
			phase: loop.phase,
			timeoutMs: loop.timeoutMs === null ? null : roundMs(loop.timeoutMs),
			running: loop.current?.cb.label ?? null,
			ready: loop.ready.toArray().map((cb) => cb.label),
			timers: loop.timers
				.sorted()
				.map((t) => ({ id: t.id, at: roundMs(t.at), cb: t.cb.label }))
				.sort((a, b) => a.at - b.at || a.id - b.id),
			batch: loop.batchLeft
		},
		loopThread: loopThreadOf(sim.loopThread),
		// In arrival order, as the trace adds them; a new connection waits there from its accept on.
		unread: [...sim.arrivals.arrived].filter(
			(id) => atSelector.has(id) || sim.arrivals.listener.isConnecting(id)
		),
		threads: {},
		gil: sim.scenario.runtime.gil
			? { holder: sim.cpu.holder()?.name ?? null, waiters: sim.cpu.waiting().map((w) => w.name) }
			: { holder: null, waiters: [] },
		locks: {},
		pool: { queue: sim.pool.queueLabels(), threads: sim.pool.threads().length },
		tasks: {},
		requests: {},
		heartbeats: sim.heartbeats.length,
		lastLagMs: sim.lag.at(-1)?.lagMs ?? null,
		outcome: sim.outcome,
		hungReason: sim.hung?.reason ?? null,
		stoppedReason: sim.stopped?.reason ?? null,
		handoffs: sim.handoffs.map((h) => ({ ...h })),
		log: sim.log.map((l) => ({ ...l }))
	};
	for (const th of sim.cpu.threads()) {
		frame.threads[th.name] = { state: th.state, doing: th.doing, kind: th.kind };
	}
	for (const l of sim.locks.snapshot()) {
		frame.locks[l.name] = { kind: l.kind, holder: l.holder, waiters: l.waiters };
	}
	for (const [id, on] of sim.arrivals.hostWaits) frame.tasks[id] = { state: 'arrived', on };
	for (const t of sim.tasks.all) {
		// A created task appears once it is scheduled or waits, as in the trace.
		if (t.state !== 'pending') frame.tasks[t.id] = { state: t.state, on: t.on };
	}
	for (const r of sim.requests) {
		if (r.status !== 'unfinished') {
			frame.requests[r.id] =
				r.error === undefined ? { state: r.status } : { state: r.status, error: r.error };
		} else if (sim.arrivals.arrived.has(r.id)) frame.requests[r.id] = { state: 'arrived' };
	}
	return frame;
}
