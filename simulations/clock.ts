import type { ActorOptions, AnyActorLogic } from 'xstate';
import { MinHeap, type HeapEntry } from './heap';

/** XState's clock interface (the `clock` actor option), which xstate does not export by name. */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

interface Timeout extends HeapEntry {
	fn: () => void;
	cancelled: boolean;
}

/** Below this many cancelled timeouts the heap is never compacted (it costs a pass over it). */
const COMPACT_MIN = 64;

/**
 * Virtual time for the engine: XState's `Clock` interface over a heap, so that time only moves
 * when the engine advances it. XState's own `SimulatedClock` re-sorts every pending timeout on
 * each flush, which is too slow for runs with tens of thousands of pending events.
 */
export class VirtualClock implements Clock {
	private heap = new MinHeap<Timeout>();
	private byId = new Map<number, Timeout>();
	private seq = 0;
	private time = 0;
	/** Cancelled timeouts still in the heap: dropped at the top, or all at once once they are half of it. */
	private cancelled = 0;

	now(): number {
		return this.time;
	}

	setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
		return this.at(this.time + timeout, fn);
	}

	clearTimeout(id: unknown): void {
		const entry = this.byId.get(id as number);
		if (!entry) return;
		entry.cancelled = true;
		this.byId.delete(id as number);
		// A thread rescheduled at every change (processor sharing) cancels far more than it runs:
		// compacting once they are half the heap keeps it within twice the live timeouts.
		if (++this.cancelled > COMPACT_MIN && this.cancelled * 2 > this.heap.size) {
			this.heap.retain((t) => !t.cancelled);
			this.cancelled = 0;
		}
	}

	/** Timeouts in the heap, cancelled ones not yet dropped included (tests bound it). */
	get size(): number {
		return this.heap.size;
	}

	/** Schedules `fn` at absolute virtual time `at` (never earlier than now) and returns its id. */
	at(at: number, fn: () => void): number {
		const seq = this.seq++;
		const entry: Timeout = { at: Math.max(at, this.time), seq, fn, cancelled: false };
		this.heap.push(entry);
		this.byId.set(seq, entry);
		return seq;
	}

	/** Time of the next pending timeout, or null when nothing is pending. */
	next(): number | null {
		this.dropCancelled();
		return this.heap.peek()?.at ?? null;
	}

	/** Moves time to the next pending timeout and runs it; false when nothing is pending. */
	step(): boolean {
		this.dropCancelled();
		const entry = this.heap.pop();
		if (!entry) return false;
		this.byId.delete(entry.seq);
		this.time = entry.at;
		entry.fn();
		return true;
	}

	/** Moves time forward without running anything (used to stop at a limit). */
	advanceTo(time: number): void {
		this.time = Math.max(this.time, time);
	}

	private dropCancelled(): void {
		while (this.heap.peek()?.cancelled) {
			this.heap.pop();
			this.cancelled--;
		}
	}
}
