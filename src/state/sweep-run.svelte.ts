import { sweepPoints, type SweepPoint, type SweepSpec } from '../../simulations/sweep/index';

/** Lets the page paint and take input: a new task, after what is queued. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A sweep run in the page, one point per task, so a long sweep never freezes it: `points` fill
 * in as they are computed, and a new `start` (or `stop`) drops the sweep in flight at once.
 */
export class SweepRun {
	points: SweepPoint[] = $state.raw([]);
	/** How many points the sweep on show will have. */
	total = $state(0);
	running = $state(false);
	private generation = 0;

	constructor(private readonly pause: () => Promise<void> = nextTask) {}

	/** Sweeps `doc` (a valid scenario document) over `spec`, dropping any sweep in flight. */
	start(doc: unknown, spec: SweepSpec): void {
		const generation = ++this.generation;
		this.points = [];
		this.total = spec.values.length;
		this.running = true;
		void this.run(generation, sweepPoints(doc, spec));
	}

	/** Stops the sweep in flight; the points so far stay on show. */
	stop(): void {
		this.generation++;
		this.running = false;
	}

	private async run(generation: number, points: Iterator<SweepPoint>): Promise<void> {
		for (;;) {
			// Yield first, so the press that started the sweep is answered before any run.
			await this.pause();
			if (generation !== this.generation) return;
			const next = points.next();
			if (next.done) break;
			this.points = [...this.points, next.value];
		}
		this.running = false;
	}
}
