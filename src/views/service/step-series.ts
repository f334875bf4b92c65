// A quantity that changes at events and holds between them (a queue's depth, the busy threads):
// its change points once, then any window read from them in one pass.
import { countUpTo } from '../../state/sorted-count';

/** A step function: `values[i]` holds from `times[i]` until `times[i + 1]` (0 before the first). */
export interface StepSeries {
	times: number[];
	values: number[];
}

/** Builds a step series from changes in time order; several at one time keep the last value. */
export class StepBuilder {
	readonly series: StepSeries = { times: [], values: [] };
	#value = 0;

	get value(): number {
		return this.#value;
	}

	/** Moves the value by `delta` at `t`. */
	add(t: number, delta: number): void {
		this.set(t, this.#value + delta);
	}

	set(t: number, value: number): void {
		const { times, values } = this.series;
		this.#value = value;
		if (times.at(-1) === t) {
			values[values.length - 1] = value;
			// Changes at one time that undo each other leave no change at all.
			if (values.length > 1 ? values.at(-2) === value : value === 0) {
				times.pop();
				values.pop();
			}
		} else if (values.at(-1) !== value) {
			times.push(t);
			values.push(value);
		}
	}
}

/** The index of the last change at or before `t`, or -1: a binary search. */
export function changeAt(times: readonly number[], t: number): number {
	return countUpTo(times.length, (i) => times[i], t) - 1;
}

/** The value at `t` (after every change at `t`). */
export function valueAt(s: StepSeries, t: number): number {
	const i = changeAt(s.times, t);
	return i < 0 ? 0 : s.values[i];
}

/** The highest value anywhere in the series (0 for an empty one). */
export function peak(s: StepSeries): number {
	let top = 0;
	for (const v of s.values) if (v > top) top = v;
	return top;
}

/** Per bin, the highest value held in it and its time-weighted mean. */
export interface Binned {
	max: number[];
	mean: number[];
}

/**
 * The series over `bins` equal bins from `from` to `to`: each bin's highest value (a spike a pixel
 * wide still shows) and its mean over time. One pass over the changes inside the window.
 */
export function binSeries(s: StepSeries, from: number, to: number, bins: number): Binned {
	const max = new Array<number>(bins).fill(0);
	const mean = new Array<number>(bins).fill(0);
	const width = (to - from) / bins;
	if (!(width > 0)) return { max, mean };
	let i = changeAt(s.times, from);
	let value = i < 0 ? 0 : s.values[i];
	let t = from;
	for (let b = 0; b < bins; b++) {
		const end = b === bins - 1 ? to : from + (b + 1) * width;
		let top = value;
		let area = 0;
		while (i + 1 < s.times.length && s.times[i + 1] < end) {
			i++;
			area += value * (s.times[i] - t);
			t = s.times[i];
			value = s.values[i];
			if (value > top) top = value;
		}
		area += value * (end - t);
		t = end;
		max[b] = top;
		mean[b] = area / (end - (from + b * width));
	}
	return { max, mean };
}
