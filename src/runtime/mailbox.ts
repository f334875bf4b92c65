/** Cells: how many ids were written, then the ids. */
const COUNT = 0;
const CAPACITY = 1024;

/** Shared memory into which the reader thread drops response ids without waking the loop. */
export function createMailbox(): SharedArrayBuffer {
	return new SharedArrayBuffer(4 * (CAPACITY + 1));
}

/** Writer side (the reader thread): store an id, post nothing, notify nobody. */
export function dropInto(buffer: SharedArrayBuffer, id: number): void {
	const cells = new Int32Array(buffer);
	const n = Atomics.add(cells, COUNT, 1);
	Atomics.store(cells, 1 + (n % CAPACITY), id);
}

/** Reader side (the loop, whenever it runs a callback for some other reason): take what is there. */
export function createDrain(buffer: SharedArrayBuffer): () => number[] {
	const cells = new Int32Array(buffer);
	let seen = 0;
	return () => {
		const n = Atomics.load(cells, COUNT);
		const ids: number[] = [];
		for (; seen < n; seen++) ids.push(Atomics.load(cells, 1 + (seen % CAPACITY)));
		return ids;
	};
}
