import { describe, expect, it } from 'vitest';
import { compareLabel, groupVariants } from '../../../src/views/stage/variant-groups';

const variants = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }));

describe('groupVariants(variants, pairs, used)', () => {
	it('puts pairs first in their own order, then used variants, then the rest as more', () => {
		expect(groupVariants(variants, [['c', 'a']], ['a', 'e', 'b'])).toEqual({
			groups: [['c', 'a'], ['b'], ['e']],
			more: ['d']
		});
	});

	it('places each variant once and skips pairs that name unknown or repeated variants', () => {
		const pairs: [string, string][] = [
			['a', 'b'],
			['b', 'c'],
			['x', 'd'],
			['e', 'e']
		];
		expect(groupVariants(variants, pairs, [])).toEqual({
			groups: [['a', 'b']],
			more: ['c', 'd', 'e']
		});
	});

	it('shows every variant at once when each is paired or used', () => {
		expect(groupVariants(variants, [['a', 'b']], ['c', 'd', 'e']).more).toEqual([]);
	});
});

describe('compareLabel(a, b)', () => {
	it('names both variants without their notes in parentheses', () => {
		expect(
			compareLabel('The waiter cooks himself (blocking)', 'Orders go to the kitchen (await)')
		).toBe('Compare “The waiter cooks himself” with “Orders go to the kitchen”');
	});
	it('keeps parentheses inside a label', () => {
		expect(compareLabel('.result(timeout=1.0)', 'Just await it')).toBe(
			'Compare “.result(timeout=1.0)” with “Just await it”'
		);
	});
});
