import { describe, expect, it } from 'vitest';
import { foldLines, type TimedLine } from './fold';

const cycle = (from: number, n: number, period: number): TimedLine[] =>
	Array.from({ length: n }, (_, k) => [
		{ t: from + k * period, text: 'ready' },
		{ t: from + k * period + 1, text: 'beat' }
	]).flat();

describe('foldLines(lines)', () => {
	it('folds a block that repeats with a constant period into a counted line and its first copy', () => {
		expect(
			foldLines([{ t: 0, text: 'start' }, ...cycle(100, 5, 100), { t: 900, text: 'end' }])
		).toEqual([
			'     0.000  start',
			'   100.000  ×5 every 100 ms:',
			'   100.000    ready',
			'   101.000    beat',
			'   900.000  end'
		]);
	});

	it('keeps lines whose period drifts or whose text changes as they are', () => {
		const drifting = [0, 100, 201, 303].map((t) => ({ t, text: 'beat' }));
		expect(foldLines(drifting)).toHaveLength(4);
		const changing = [0, 100, 200].map((t, i) => ({ t, text: `lag ${i} ms` }));
		expect(foldLines(changing)).toHaveLength(3);
	});

	it('folds a two-line block from three copies on; two copies would save a single line', () => {
		expect(foldLines(cycle(0, 2, 100))).toHaveLength(4);
		expect(foldLines(cycle(0, 3, 100))).toHaveLength(3);
	});
});
