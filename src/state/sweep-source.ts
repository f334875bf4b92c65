import * as Comlink from 'comlink';
import { sweepPoints, type SweepPoint, type SweepSpec } from '../../simulations/sweep/index';
import { whenReady } from '../runtime/ready';
import type { PromisedApi } from './promised-api';
import type { SweepWorkerApi } from './sweep-api';

/** Where a sweep's points come from, one at a time, so the page can drop a sweep between them. */
export interface SweepSource {
	/** Begins a sweep, ending the one under way. */
	start(doc: unknown, spec: SweepSpec): void;
	/** The sweep's next point, or null after its last. */
	next(): Promise<SweepPoint | null>;
	/** Ends the sweep under way. */
	stop(): void;
}

/** Lets the page paint and take input: a new task, after what is queued. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Points computed on the page's thread, one per task (where there are no workers: tests). */
export function inPageSweep(pause: () => Promise<void> = nextTask): SweepSource {
	let points: Iterator<SweepPoint> | null = null;
	return {
		start: (doc, spec) => (points = sweepPoints(doc, spec)),
		async next() {
			const mine = points;
			// Yield first, so the press that started the sweep is answered before any run.
			await pause();
			// A sweep started meanwhile is not this caller's to take points from.
			const step = points === mine ? points?.next() : undefined;
			return !step || step.done ? null : step.value;
		},
		stop: () => (points = null)
	};
}

/** A sweep worker as the page holds it: its API, the promise it is ready, and its end. */
export interface SweepWorker {
	api: PromisedApi<SweepWorkerApi>;
	ready: Promise<void>;
	end(): void;
}

function openSweepWorker(): SweepWorker {
	const w = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
	const api = Comlink.wrap<SweepWorkerApi>(w);
	return { api, ready: whenReady(w), end: () => w.terminate() };
}

/**
 * Points computed in a worker of their own, started at the first sweep and kept for the next.
 * A worker busy with a point cannot hear a message: ending a sweep then ends the worker.
 */
export function workerSweep(open: () => SweepWorker = openSweepWorker): SweepSource {
	let worker: SweepWorker | null = null;
	let started: Promise<void> = Promise.resolve();
	/** Which sweep is under way: a caller waiting for an earlier one gets null, not its points. */
	let sweep = 0;
	let busy = false;
	const end = () => {
		sweep++;
		if (!busy) return;
		worker?.end();
		worker = null;
		busy = false;
	};
	return {
		start(doc, spec) {
			end();
			const w = (worker ??= open());
			started = w.ready.then(() => w.api.start(doc, spec));
		},
		async next() {
			const w = worker;
			const mine = sweep;
			if (!w) return null;
			await started;
			if (mine !== sweep) return null;
			busy = true;
			try {
				const point = await w.api.next();
				return mine === sweep ? point : null;
			} finally {
				if (worker === w) busy = false;
			}
		},
		stop: end
	};
}

/** Off the page's thread where the browser has workers. */
export const defaultSweepSource = (): SweepSource =>
	typeof Worker === 'undefined' ? inPageSweep() : workerSweep();
