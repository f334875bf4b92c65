import type { SweepPoint, SweepSpec } from '../../simulations/sweep/index';
import { defaultSweepSource, type SweepSource } from './sweep-source';

/**
 * A sweep on show: `points` fill in as they are computed (off the page's thread, see
 * sweep-source.ts), and a new `start` (or `stop`) drops the sweep in flight at once.
 */
export class SweepRun {
	points: SweepPoint[] = $state.raw([]);
	/** How many points the sweep on show will have. */
	total = $state(0);
	running = $state(false);
	private generation = 0;

	constructor(private readonly source: SweepSource = defaultSweepSource()) {}

	/** Sweeps `doc` (a valid scenario document) over `spec`, dropping any sweep in flight. */
	start(doc: unknown, spec: SweepSpec): void {
		const generation = ++this.generation;
		this.points = [];
		this.total = spec.values.length;
		this.running = true;
		this.source.start(doc, spec);
		void this.run(generation);
	}

	/** Stops the sweep in flight; the points so far stay on show. */
	stop(): void {
		this.generation++;
		this.source.stop();
		this.running = false;
	}

	private async run(generation: number): Promise<void> {
		for (;;) {
			const point = await this.source.next();
			if (generation !== this.generation) return;
			if (point === null) break;
			this.points = [...this.points, point];
		}
		this.running = false;
	}
}
