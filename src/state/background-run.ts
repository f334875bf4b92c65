// The page's side of the simulation worker: a scenario simulates there, its run comes back in
// pieces, one per task, and its frames are prepared in slices of a few milliseconds, so no
// main-thread task grows with the scenario. A new run ends the one under way.
import * as Comlink from 'comlink';
import { framerBuilder, type Scenario } from '../../simulations/index';
import { whenReady } from '../runtime/ready';
import { rememberDebugOnLog } from './debug-run';
import { PieceAssembler } from './piece-copy';
import type { RunProgress } from './run-progress';
import type { SimulatedRun, SimulationApi } from './simulation-api';
import { variantRunOf, type VariantRun } from './variant-run';

type Remote = {
	[K in keyof SimulationApi]: (
		...a: Parameters<SimulationApi[K]>
	) => Promise<ReturnType<SimulationApi[K]>>;
};

/** A simulation worker, or a stand-in (tests): the API, and how to end it at once. */
export interface SimulationWorker {
	api: Remote;
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
			next: async () => (await ready, api.next())
		},
		terminate: () => worker.terminate()
	};
}

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
		this.stopCurrent = () => {
			stopped = true;
			// A worker busy simulating cannot hear a message: only ending it stops the run.
			if (simulating) this.drop();
		};
		const worker = (this.worker ??= this.start());
		progress({ phase: 'simulating' });
		let total: number;
		try {
			total = await worker.api.simulate(scenario, live);
		} catch (e) {
			if (stopped) return null;
			this.drop();
			throw e;
		}
		simulating = false;
		if (stopped) return null;
		const assembler = new PieceAssembler();
		for (let done = 0; !assembler.done;) {
			const piece = await worker.api.next();
			if (stopped) return null;
			if (piece === null) throw new Error('the simulation worker sent an incomplete run');
			assembler.add(piece);
			progress({ phase: 'loading', done: ++done, total });
		}
		const { result, timeline, digest, debugOnLog } = assembler.value as SimulatedRun;
		rememberDebugOnLog(scenario, debugOnLog);
		const trace = result.trace ?? [];
		const builder = framerBuilder();
		for (let i = 0; i < trace.length;) {
			const end = performance.now() + SLICE_MS;
			while (i < trace.length && performance.now() < end) {
				for (const stop = Math.min(trace.length, i + 256); i < stop; i++) builder.add(trace[i]);
			}
			progress({ phase: 'framing', done: i, total: trace.length });
			await nextTask();
			if (stopped) return null;
		}
		this.stopCurrent = null;
		return variantRunOf(name, label, scenario, result, {
			built: { framer: builder.framer(), timeline, digest }
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
