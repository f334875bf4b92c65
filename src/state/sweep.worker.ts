// Computes a sweep's points off the page's thread: each point is a whole run, which for a
// service of thousands of requests is a long task the page must not take.
import * as Comlink from 'comlink';
import { sweepPoints, type SweepPoint, type SweepSpec } from '../../simulations/sweep/index';
import { READY } from '../runtime/ready';

let points: Iterator<SweepPoint> | null = null;

const api = {
	start(doc: unknown, spec: SweepSpec): void {
		points = sweepPoints(doc, spec);
	},
	/** The next point, or null after the last. */
	next(): SweepPoint | null {
		const step = points?.next();
		if (!step || step.done) {
			points = null;
			return null;
		}
		return step.value;
	}
};
export type SweepWorkerApi = typeof api;

Comlink.expose(api, self as unknown as Comlink.Endpoint);
self.postMessage(READY);
