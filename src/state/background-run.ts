// The page's side of the simulation worker: a scenario simulates there, its run comes back in
// pieces, one per task, and its frames are prepared in slices of a few milliseconds, so no
// main-thread task grows with the scenario. A new run ends the one under way.
import * as Comlink from 'comlink';
import {
	framerBuilder,
	type Scenario,
	type SimResult,
	type TraceEvent
} from '../../simulations/index';
import { whenReady } from '../runtime/ready';
import { expectDebugOnLog } from './debug-run';
import { PieceAssembler } from './piece-copy';
import type { PromisedApi } from './promised-api';
import type { RunProgress } from './run-progress';
import type { SimulatedRun, SimulationApi } from './simulation-api';
import { variantRunOf, type VariantRun } from './variant-run';

/** A simulation worker, or a stand-in (tests): the API, and how to end it at once. */
export interface SimulationWorker {
	api: PromisedApi<SimulationApi>;
	terminate(): void;
}

function startWorker(): SimulationWorker {
	const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), {
		type: 'module'
	});
	const api = Comlink.wrap<SimulationApi>(worker);
	const ready = whenReady(worker);
	return {
		// A call made before the worker listens would be lost.
		api: {
			simulate: async (...a) => (await ready, api.simulate(...a)),
			next: async () => (await ready, api.next()),
			debugOnLog: async () => (await ready, api.debugOnLog())
		},
		terminate: () => worker.terminate()
	};
}

/** What a call to the worker answers once the run is stopped. */
const HALTED = Symbol('halted');

/** Frames are prepared in slices of this many milliseconds, then the page gets a turn. */
const SLICE_MS = 8;

/** The next task: after what the page has queued (input, rendering), unlike a microtask. */
function nextTask(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/** Runs scenarios in one worker, one at a time: starting a run ends the one under way. */
export class BackgroundRuns {
	private worker: SimulationWorker | null = null;
	/** The run under way: ends it (and, while it simulates, the worker with it). */
	private stopCurrent: (() => void) | null = null;

	constructor(private start: () => SimulationWorker = startWorker) {}

	/** The run, ready to show; null when a later run (or `cancel`) replaced it. */
	async run(
		name: string,
		label: string,
		scenario: Scenario,
		progress: (p: RunProgress) => void,
		{ live = false }: { live?: boolean } = {}
	): Promise<VariantRun | null> {
		this.cancel();
		let stopped = false;
		let simulating = true;
		let halt = () => {};
		// A worker ended mid-call never answers: the stop answers for it.
		const halted = new Promise<typeof HALTED>((resolve) => (halt = () => resolve(HALTED)));
		this.stopCurrent = () => {
			stopped = true;
			halt();
			// A worker busy simulating cannot hear a message: only ending it stops the run.
			if (simulating) this.drop();
		};
		const worker = (this.worker ??= this.start());
		/** A call to the worker, or HALTED once the run is stopped; a failure ends the worker. */
		const ask = async <T>(call: Promise<T>): Promise<T | typeof HALTED> => {
			try {
				const answer = await Promise.race([call, halted]);
				return stopped ? HALTED : answer;
			} catch (e) {
				if (stopped) return HALTED;
				this.drop();
				throw e;
			}
		};
		progress({ phase: 'simulating' });
		const total = await ask(worker.api.simulate(scenario, live));
		if (total === HALTED) return null;
		simulating = false;
		const assembler = new PieceAssembler();
		const builder = framerBuilder();
		let framed = 0;
		const eventTimes: number[] = [];
		// The trace's events are framed as they arrive, while the worker cuts the next piece; the
		// last one so far may still be coming.
		const frameArrived = (upTo: (trace: TraceEvent[]) => number) => {
			const trace = (assembler.value as { result?: SimResult } | undefined)?.result?.trace;
			if (!trace) return;
			for (const stop = upTo(trace); framed < stop; framed++) {
				builder.add(trace[framed]);
				eventTimes.push(trace[framed].t);
			}
		};
		// The worker cuts the next piece while the page rebuilds this one.
		let coming = worker.api.next();
		for (let done = 0; !assembler.done;) {
			const piece = await ask(coming);
			if (piece === HALTED) return null;
			if (piece === null) throw new Error('the simulation worker sent an incomplete run');
			coming = worker.api.next();
			assembler.add(piece);
			frameArrived((trace) => trace.length - 1);
			done += piece.weight;
			progress({ phase: 'loading', done, total });
		}
		const { result, timeline, digest } = assembler.value as SimulatedRun;
		// The tools panel's debug-on run simulates in the worker while the page frames the rest,
		// and comes after the run; a new run ends it with the worker.
		simulating = true;
		const stopping = this.stopCurrent;
		const debugOn = ask(worker.api.debugOnLog()).then(
			(log) => {
				simulating = false;
				if (this.stopCurrent === stopping) this.stopCurrent = null;
				// A run stopped before it came never shows its log: it waits for good.
				return log === HALTED ? new Promise<never>(() => {}) : log;
			},
			(e: unknown) => {
				// The run on show stays; only what debug mode would print is missing, and says so.
				console.error('the debug-on run failed in the simulation worker', e);
				throw e;
			}
		);
		// Handled once the run is framed (expectDebugOnLog); it may fail before that.
		debugOn.catch(() => {});
		const events = result.trace?.length ?? 0;
		while (framed < events) {
			const end = performance.now() + SLICE_MS;
			while (framed < events && performance.now() < end) {
				frameArrived((trace) => Math.min(trace.length, framed + 256));
			}
			progress({ phase: 'framing', done: framed, total: events });
			await nextTask();
			if (stopped) return null;
		}
		expectDebugOnLog(scenario, debugOn);
		return variantRunOf(name, label, scenario, result, {
			built: { framer: builder.framer(), eventTimes, timeline, digest }
		});
	}

	/** Ends the run under way, if any (its promise answers null). */
	cancel(): void {
		this.stopCurrent?.();
		this.stopCurrent = null;
	}

	private drop(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}
