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
		// The new entry rises through a hole: parents move down one place each, with no swaps.
		let i = items.length;
		items.push(item);
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(item, items[parent])) break;
			items[i] = items[parent];
			i = parent;
		}
		items[i] = item;
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
		const n = items.length;
		const item = items[start];
		let i = start;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= n) break;
			const r = l + 1;
			const m = r < n && before(items[r], items[l]) ? r : l;
			if (!before(items[m], item)) break;
			items[i] = items[m];
			i = m;
		}
		items[i] = item;
	}

	/** The entries in pop order, without changing the heap. */
	sorted(): T[] {
		return [...this.items].sort((a, b) => (before(a, b) ? -1 : 1));
	}
}

function before(a: HeapEntry, b: HeapEntry): boolean {
	return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
