import type { Scenario, SimResult, TraceEvent } from '../../../simulations/index';
import { StepBuilder, type StepSeries } from './step-series';

/** What the loop thread is doing, in the three shares the service views draw. */
export type LoopShare = 'busy' | 'blocked' | 'idle';

/** The loop thread's state over time: `states[i]` holds from `times[i]` to `times[i + 1]`. */
export interface LoopStretches {
	times: number[];
	states: LoopShare[];
}

/** Everything the service views draw, read once from a run's result and trace. */
export interface ServiceSeries {
	endMs: number;
	requests: number;
	/** Requests that have arrived at the selector and are not yet read by the loop. */
	door: StepSeries;
	/** Callbacks in the loop's ready queue. */
	ready: StepSeries;
	/** Requests arrived and not yet answered. */
	inFlight: StepSeries;
	/** Pool threads doing work (running, blocked or waiting for the GIL). */
	poolBusy: StepSeries;
	/** The pool's size: the scenario's `threads` (0: no thread can start). */
	poolSize: number;
	loop: LoopStretches;
	/** Answered requests by when they were answered: `endMs[i]` and `latencyMs[i]` (arrival to response). */
	answered: { endMs: number[]; latencyMs: number[]; ids: string[] };
	lag: { atMs: number; lagMs: number }[];
}

// `selecting` is asleep in select(); `idle` is before the loop first runs, which is idle too.
const LOOP_SHARE: Record<string, LoopShare> = {
	running: 'busy',
	blocked: 'blocked',
	wantsGil: 'blocked',
	selecting: 'idle',
	idle: 'idle'
};

function loopStretches(): {
	stretches: LoopStretches;
	set: (t: number, s: LoopShare) => void;
} {
	const stretches: LoopStretches = { times: [0], states: ['idle'] };
	const set = (t: number, s: LoopShare) => {
		const { times, states } = stretches;
		if (times.at(-1) === t) {
			states[states.length - 1] = s;
			// Merge back into the stretch before when the change at `t` undid itself.
			if (states.length > 1 && states.at(-2) === s) {
				times.pop();
				states.pop();
			}
		} else if (states.at(-1) !== s) {
			times.push(t);
			states.push(s);
		}
	};
	return { stretches, set };
}

/**
 * The service's queues, loop, pool, latencies and lag over time, in one pass over the trace
 * (and one sort of the answers by time). `poolSize` is the scenario's `runtime.threads`.
 */
export function serviceSeries(result: SimResult, poolSize: number): ServiceSeries {
	const door = new StepBuilder();
	const ready = new StepBuilder();
	const poolBusy = new StepBuilder();
	const busyThreads = new Set<string>();
	const loop = loopStretches();
	for (const e of result.trace ?? ([] as TraceEvent[])) {
		switch (e.type) {
			case 'arrive':
				if (e.detail.waitsAt === 'selector') door.add(e.t, 1);
				break;
			case 'enqueue':
				ready.add(e.t, 1);
				if (e.detail.request !== undefined) door.add(e.t, -1);
				break;
			case 'run':
				ready.add(e.t, -1);
				break;
			case 'select':
				loop.set(e.t, 'idle');
				break;
			case 'thread':
				if (e.detail.kind === 'loop') loop.set(e.t, LOOP_SHARE[e.detail.state] ?? 'busy');
				else if (e.detail.kind === 'pool') {
					if (e.detail.state === 'idle') busyThreads.delete(e.actor);
					else busyThreads.add(e.actor);
					poolBusy.set(e.t, busyThreads.size);
				}
				break;
		}
	}
	return {
		endMs: result.endMs,
		requests: result.requests.length,
		door: door.series,
		ready: ready.series,
		inFlight: inFlight(result),
		poolBusy: poolBusy.series,
		poolSize,
		loop: loop.stretches,
		answered: answered(result),
		lag: result.lag
	};
}

/** Arrivals add one, answers take one away; an unanswered request stays to the end. */
function inFlight(result: SimResult): StepSeries {
	const changes: [number, number][] = [];
	for (const q of result.requests) {
		changes.push([q.arriveMs, 1]);
		if (q.endMs !== null) changes.push([q.endMs, -1]);
	}
	changes.sort((a, b) => a[0] - b[0]);
	const s = new StepBuilder();
	for (const [t, d] of changes) s.add(t, d);
	return s.series;
}

function answered(result: SimResult): ServiceSeries['answered'] {
	const done = result.requests
		.filter((q) => q.endMs !== null)
		.map((q) => ({ id: q.id, endMs: q.endMs ?? 0, latencyMs: (q.endMs ?? 0) - q.arriveMs }))
		.sort((a, b) => a.endMs - b.endMs);
	return {
		endMs: done.map((d) => d.endMs),
		latencyMs: done.map((d) => d.latencyMs),
		ids: done.map((d) => d.id)
	};
}

/** A run's series, as its digest makes them (run-digest.ts). */
export const serviceSeriesOf = (scenario: Scenario, result: SimResult): ServiceSeries =>
	serviceSeries(result, scenario.runtime.threads);
