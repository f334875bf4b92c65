import { busy } from './spend';

/** Cells of the shared GIL: the next ticket to hand out, and the ticket now holding the lock. */
const NEXT = 0;
const SERVING = 1;

/** Shared memory for a real GIL, created by the bridge and handed to every worker of a run. */
export function createGilBuffer(): SharedArrayBuffer {
	return new SharedArrayBuffer(8);
}

/**
 * A real GIL across workers: a FIFO ticket lock in shared memory. Python work runs in slices of
 * the switch interval; a thread takes a ticket for each slice, so threads that want the GIL take
 * turns in arrival order, as the engine models it (a holder keeps it while nobody waits).
 */
export class SharedGil {
	private cells: Int32Array;

	constructor(
		buffer: SharedArrayBuffer,
		private switchMs: number
	) {
		this.cells = new Int32Array(buffer);
	}

	/** Runs `ms` of Python holding the GIL, yielding it every switch interval to any waiter. */
	python(ms: number): void {
		let left = ms;
		do {
			this.acquire();
			const slice = Math.min(left, this.switchMs);
			busy(slice);
			left -= slice;
			this.release();
		} while (left > 0);
	}

	private acquire(): void {
		const mine = Atomics.add(this.cells, NEXT, 1);
		for (;;) {
			const serving = Atomics.load(this.cells, SERVING);
			if (serving === mine) return;
			Atomics.wait(this.cells, SERVING, serving, 50);
		}
	}

	private release(): void {
		Atomics.add(this.cells, SERVING, 1);
		Atomics.notify(this.cells, SERVING);
	}
}
