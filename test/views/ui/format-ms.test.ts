import { describe, expect, it } from 'vitest';
import { formatMs } from '../../../src/views/ui/format-ms';

describe('formatMs', () => {
	it('groups thousands as en-US does', () => {
		for (const n of [0, 5, 999, 1000, 12_345, 1_000_000, 2.5, 1234.5])
			expect(formatMs(n)).toBe(`${n.toLocaleString('en-US', { maximumFractionDigits: 20 })} ms`);
	});
	it('writes a negative time with a minus sign', () => {
		expect(formatMs(-1500)).toBe('−1,500 ms');
	});
});
