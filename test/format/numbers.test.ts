import { describe, expect, it } from 'vitest';
import { formatMs, grouped } from '../../src/format/numbers';

describe('grouped', () => {
	it('groups thousands and keeps decimals as en-US does', () => {
		for (const n of [0, 5, 999, 1000, 12_345, 1_000_000, 2.5, 1234.5, 0.125])
			expect(grouped(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 3 }));
	});
	it('rounds to the decimals asked for and writes a minus sign', () => {
		expect(grouped(1234.56, 1)).toBe('1,234.6');
		expect(grouped(-1500)).toBe('−1,500');
		expect(grouped(-0.0001)).toBe('0');
	});
	it('writes milliseconds', () => {
		expect(formatMs(1000)).toBe('1,000 ms');
		expect(formatMs(12.34, 1)).toBe('12.3 ms');
	});
});
