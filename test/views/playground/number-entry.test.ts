import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	TYPING_PAUSE_MS,
	afterTypingPauses,
	numberEntry,
	saysNumber
} from '../../../src/views/playground/scenario-form/number-entry';

describe('numberEntry(text, badInput)', () => {
	const cases: [string, boolean, { value: number | undefined } | null][] = [
		['200', false, { value: 200 }],
		['-5', false, { value: -5 }],
		['1e3', false, { value: 1000 }],
		['0.5', false, { value: 0.5 }],
		['', false, { value: undefined }],
		['  ', false, { value: undefined }],
		// Chromium gives "" for "-" or "1e" in a number field, and says the input is bad.
		['', true, null],
		['abc', false, null]
	];
	for (const [text, bad, expected] of cases) {
		it(`reads ${JSON.stringify(text)}${bad ? ' (bad input)' : ''} as ${JSON.stringify(expected)}`, () =>
			expect(numberEntry(text, bad)).toEqual(expected));
	}
});

describe('saysNumber(text, value)', () => {
	it('is true when the text already stands for the value', () => {
		expect(saysNumber('1.50', 1.5)).toBe(true);
		expect(saysNumber('', undefined)).toBe(true);
		expect(saysNumber('15', 1.5)).toBe(false);
		expect(saysNumber('', 0)).toBe(false);
		expect(saysNumber('5', '5')).toBe(false);
	});
});

describe('afterTypingPauses()', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('makes only the last write, once typing has paused', () => {
		const typing = afterTypingPauses();
		const written: number[] = [];
		for (const n of [3, 30, 300]) {
			typing.schedule(() => written.push(n));
			vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
		}
		expect(written).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(written).toEqual([300]);
		vi.advanceTimersByTime(10 * TYPING_PAUSE_MS);
		expect(written).toEqual([300]);
	});

	it('writes at once on flush, never twice, and not at all once cancelled', () => {
		const typing = afterTypingPauses();
		const written: string[] = [];
		typing.schedule(() => written.push('flushed'));
		typing.flush();
		typing.flush();
		typing.schedule(() => written.push('cancelled'));
		typing.cancel();
		vi.advanceTimersByTime(10 * TYPING_PAUSE_MS);
		expect(written).toEqual(['flushed']);
	});
});
