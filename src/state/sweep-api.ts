// What the sweep worker does (sweep.worker.ts), as plain functions the tests call without a
// worker: each point is a whole run, which for a service of thousands of requests is a long task
// the page must not take.
import { sweepPoints, type SweepPoint, type SweepSpec } from '../../simulations/sweep/index';

export interface SweepWorkerApi {
	/** Begins a sweep, dropping the one before. */
	start(doc: unknown, spec: SweepSpec): void;
	/** The next point, or null after the last. */
	next(): SweepPoint | null;
}

export function createSweepApi(): SweepWorkerApi {
	let points: Iterator<SweepPoint> | null = null;
	return {
		start(doc, spec) {
			points = sweepPoints(doc, spec);
		},
		next() {
			const step = points?.next();
			if (!step || step.done) {
				points = null;
				return null;
			}
			return step.value;
		}
	};
}
