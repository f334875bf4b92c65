/** An entry ordered by time, then by insertion order, so equal times keep FIFO order. */
export interface HeapEntry {
	at: number;
	seq: number;
}

/** A binary min-heap of entries ordered by (at, seq). */
export class MinHeap<T extends HeapEntry> {
	private items: T[] = [];

	get size(): number {
		return this.items.length;
	}

	peek(): T | undefined {
		return this.items[0];
	}

	push(item: T): void {
		const items = this.items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(items[i], items[parent])) break;
			[items[i], items[parent]] = [items[parent], items[i]];
			i = parent;
		}
	}

	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last !== undefined) {
			items[0] = last;
			this.siftDown(0);
		}
		return top;
	}

	/** Keeps only the entries `keep` accepts, in O(n): how a clock drops cancelled timeouts. */
	retain(keep: (item: T) => boolean): void {
		this.items = this.items.filter(keep);
		for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
	}

	private siftDown(start: number): void {
		const items = this.items;
		let i = start;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < items.length && before(items[l], items[m])) m = l;
			if (r < items.length && before(items[r], items[m])) m = r;
			if (m === i) break;
			[items[i], items[m]] = [items[m], items[i]];
			i = m;
		}
	}

	/** The entries in pop order, without changing the heap. */
	sorted(): T[] {
		return [...this.items].sort((a, b) => (before(a, b) ? -1 : 1));
	}
}

function before(a: HeapEntry, b: HeapEntry): boolean {
	return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
