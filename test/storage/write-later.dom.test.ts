import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followed } from './write-later-harness.svelte';

describe('writeLater(read, write, quietMs)', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('writes the last value once the changes have been quiet for quietMs', () => {
		const f = followed(300);
		flushSync();
		for (const v of [1, 2, 3]) {
			f.state.value = v;
			flushSync();
			vi.advanceTimersByTime(100);
		}
		expect(f.writes).toEqual([]);
		vi.advanceTimersByTime(200);
		expect(f.writes).toEqual([3]);
		vi.advanceTimersByTime(1000);
		expect(f.writes).toEqual([3]);
		f.stop();
	});

	it('writes what is pending when the page is left, and when it is torn down', () => {
		const f = followed(300);
		flushSync();
		f.state.value = 5;
		flushSync();
		dispatchEvent(new Event('pagehide'));
		expect(f.writes).toEqual([5]);
		f.state.value = 6;
		flushSync();
		f.stop();
		expect(f.writes).toEqual([5, 6]);
		vi.advanceTimersByTime(1000);
		expect(f.writes).toEqual([5, 6]);
	});
});
