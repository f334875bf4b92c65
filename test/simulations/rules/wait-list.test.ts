import { describe, expect, it } from 'vitest';
import { count, summariseWaits, type Wait } from '../../../simulations/rules/wait-list';

const ready = 'is in the ready queue but its step never ran';

describe('summariseWaits(waits)', () => {
	it('names up to four waits one by one, as before', () => {
		const waits: Wait[] = [
			['main', 'waits for gather of 3'],
			['main/1', 'waits for response #1'],
			['main/2', ready],
			['main/3', ready]
		];
		expect(summariseWaits(waits)).toBe(
			`main waits for gather of 3; main/1 waits for response #1; main/2 ${ready}; main/3 ${ready}`
		);
		expect(summariseWaits([])).toBe('no request is waiting');
	});

	it('groups the rest by what they wait for: "r5 … r50000: 49,996 more"', () => {
		const waits = Array.from({ length: 50_000 }, (_, i): Wait => [`r${i + 1}`, ready]);
		const text = summariseWaits(waits);
		expect(text).toBe(
			`r1 ${ready}; r2 ${ready}; r3 ${ready}; r4 ${ready}; r5 … r50000: 49,996 more, each ${ready}`
		);
	});

	it('stays short whatever the number of distinct waits', () => {
		const waits = Array.from({ length: 100_000 }, (_, i): Wait => [
			`r${i}`,
			`waits for response #${i}`
		]);
		const text = summariseWaits(waits);
		expect(text.length).toBeLessThan(400);
		expect(text).toMatch(/; and 99,993 more waiting for other things$/);
	});
});

describe('count(n)', () => {
	it('groups digits by three', () => {
		expect([0, 999, 1000, 49_996, 2_000_000].map(count)).toEqual([
			'0',
			'999',
			'1,000',
			'49,996',
			'2,000,000'
		]);
	});
});
