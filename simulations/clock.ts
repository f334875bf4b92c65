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

/** Timeouts scheduled together (`atEach`): a cursor over them in time order, not n heap entries. */
interface Series {
	/** Their times in the order they run, none earlier than when they were scheduled. */
	times: readonly number[];
	/** The index `fn` is called with for each of `times`: null when that is its own position. */
	order: readonly number[] | null;
	fn: (index: number) => void;
	/**
	 * The seq of the first to run, the k-th having `seq + k`: all between the seqs of the timeouts
	 * scheduled before and after, where `at` called for each in turn would have put them.
	 */
	seq: number;
	/** The next to run. */
	next: number;
}

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
	private series: Series | null = null;

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

	/**
	 * Schedules `fn(i)` at `times[i]` for every i, to run exactly as calling `at` for each in turn
	 * would; they cannot be cancelled. For a run's arrivals: thousands of them waiting in the heap
	 * would make every other timeout cost a deeper heap. One series at a time.
	 */
	atEach(times: readonly number[], fn: (index: number) => void): void {
		if (this.series) throw new Error('VirtualClock: one series of timeouts at a time');
		if (times.length === 0) return;
		const from = this.time;
		const at = times.map((t) => Math.max(t, from));
		const sorted = at.every((t, i) => i === 0 || at[i - 1] <= t);
		// Equal times run in the order they were given, as their seqs would order them.
		const order = sorted ? null : at.map((_, i) => i).sort((a, b) => at[a] - at[b] || a - b);
		this.series = {
			times: order ? order.map((i) => at[i]) : at,
			order,
			fn,
			seq: this.seq,
			next: 0
		};
		this.seq += times.length;
	}

	/** Time of the next pending timeout, or null when nothing is pending. */
	next(): number | null {
		this.dropCancelled();
		const entry = this.heap.peek();
		const series = this.dueSeries(entry);
		return series ? series.times[series.next] : (entry?.at ?? null);
	}

	/** Moves time to the next pending timeout and runs it; false when nothing is pending. */
	step(): boolean {
		this.dropCancelled();
		const series = this.dueSeries(this.heap.peek());
		if (series) {
			const k = series.next++;
			this.time = series.times[k];
			if (series.next === series.times.length) this.series = null;
			series.fn(series.order ? series.order[k] : k);
			return true;
		}
		const entry = this.heap.pop();
		if (!entry) return false;
		this.byId.delete(entry.seq);
		this.time = entry.at;
		entry.fn();
		return true;
	}

	/** The series, when its next timeout comes before the heap's first in (at, seq) order. */
	private dueSeries(first: Timeout | undefined): Series | null {
		const series = this.series;
		if (!series || !first) return series;
		const at = series.times[series.next];
		const seq = series.seq + series.next;
		return at < first.at || (at === first.at && seq < first.seq) ? series : null;
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
