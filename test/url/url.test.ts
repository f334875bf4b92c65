import { describe, expect, it } from 'vitest';
import { readUrl, writeUrl } from '../../src/url/url';

describe('readUrl(search) / writeUrl(state)', () => {
	it('round-trips a lesson state', () => {
		const s = readUrl('?lesson=restaurant&step=4&variant=stove&speed=2&compare=1&t=150');
		expect(s).toEqual({
			lesson: 'restaurant',
			step: 4,
			variant: 'stove',
			speed: 2,
			compare: true,
			t: 150,
			page: 'lesson'
		});
		expect(readUrl(writeUrl(s))).toEqual(s);
	});

	it('round-trips a playground state with its scenario and variant B', () => {
		const s = readUrl('?page=playground&step=7&variant=b&compare=1&s=N4Ig+-$x&b=Q');
		expect(s).toMatchObject({ page: 'playground', step: 7, variant: 'b', s: 'N4Ig -$x', b: 'Q' });
		expect(readUrl(writeUrl(s))).toEqual(s);
	});

	it('reads ?page=run, the old name of the playground, and leaves an absent scenario out', () => {
		expect(readUrl('?page=run')).not.toHaveProperty('s');
		expect(writeUrl(readUrl('?page=run&step=2'))).toBe('?page=run&step=2');
	});

	const bad: [string, Partial<ReturnType<typeof readUrl>>][] = [
		['?lesson=<script>', { lesson: null, page: 'home' }],
		['?lesson=a&step=-3', { step: 1 }],
		['?lesson=a&step=abc', { step: 1 }],
		['?lesson=a&speed=9', { speed: 1 }],
		['?page=run', { page: 'run' }],
		['?page=<b>', { page: 'home' }],
		['?lesson=a&t=-5', { t: null }]
	];
	for (const [search, expected] of bad) {
		it(`falls back to defaults for ${search}`, () =>
			expect(readUrl(search)).toMatchObject(expected));
	}
});
