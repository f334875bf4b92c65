import { describe, expect, it } from 'vitest';
import { readUrl, writeUrl } from '../../src/state/url';

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

	const bad: [string, Partial<ReturnType<typeof readUrl>>][] = [
		['?lesson=<script>', { lesson: null, page: 'home' }],
		['?lesson=a&step=-3', { step: 1 }],
		['?lesson=a&step=abc', { step: 1 }],
		['?lesson=a&speed=9', { speed: 1 }],
		['?page=run', { page: 'run' }],
		['?lesson=a&t=-5', { t: null }]
	];
	for (const [search, expected] of bad) {
		it(`falls back to defaults for ${search}`, () =>
			expect(readUrl(search)).toMatchObject(expected));
	}
});
