import { describe, expect, it } from 'vitest';
import { compareLabel, groupVariants, liveGroups } from '../../../src/views/stage/variant-groups';

const variants = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }));

describe('groupVariants(variants, pairs)', () => {
	it('puts pairs first in their own order and every other variant under more', () => {
		expect(groupVariants(variants, [['c', 'a']])).toEqual({
			groups: [['c', 'a']],
			more: ['b', 'd', 'e']
		});
	});

	it('places each variant once and skips pairs that name unknown or repeated variants', () => {
		const pairs: [string, string][] = [
			['a', 'b'],
			['b', 'c'],
			['x', 'd'],
			['e', 'e']
		];
		expect(groupVariants(variants, pairs)).toEqual({
			groups: [['a', 'b']],
			more: ['c', 'd', 'e']
		});
	});

	it('shows every variant at once when a lesson has no pairs', () => {
		expect(groupVariants(variants, [])).toEqual({
			groups: variants.map((v) => [v.name]),
			more: []
		});
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

describe('liveGroups(variants, pairs)', () => {
	it('shows every live variant at once: its pairs first, then each other alone', () => {
		const v = ['time-sleep', 'asyncio-sleep', 'to-thread'].map((name) => ({ name }));
		expect(
			liveGroups(v, [
				['time-sleep', 'asyncio-sleep'],
				['sync-write', 'to-thread']
			])
		).toEqual({ groups: [['time-sleep', 'asyncio-sleep'], ['to-thread']], more: [] });
	});
});
