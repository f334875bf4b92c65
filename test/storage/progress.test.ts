import { describe, expect, it } from 'vitest';
import { readProgress, saveProgress } from '../../src/storage/progress';

const memory = () => {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v)
	};
};

describe('saveProgress(slug, step, of) / readProgress()', () => {
	it('keeps the furthest step seen per lesson', () => {
		const s = memory();
		saveProgress('restaurant', 3, 15, s);
		saveProgress('restaurant', 2, 15, s);
		saveProgress('dev-server-vs-burst', 13, 13, s);
		expect(readProgress(s)).toEqual({
			restaurant: { seen: 3, of: 15 },
			'dev-server-vs-burst': { seen: 13, of: 13 }
		});
	});

	it('treats malformed or missing storage as no progress', () => {
		const s = memory();
		s.setItem('event-loop-lab:progress', '[1,2');
		expect(readProgress(s)).toEqual({});
		expect(readProgress(null)).toEqual({});
	});
});
