import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gotoStep } from '../../src/embedding/embed-messages';
import { EMBED_KEYS, readEmbedOptions, writeEmbedQuery } from '../../src/url/embed-options';

const read = (query: string) => {
	const q = new URLSearchParams(query);
	return readEmbedOptions((name) => q.get(name));
};

describe('readEmbedOptions(get)', () => {
	it('reads every option', () => {
		expect(
			read('lesson=gil-and-pool&step=4&variant=four&controls=none&theme=dark&autoplay=1&speed=2')
		).toEqual({
			options: {
				lesson: 'gil-and-pool',
				step: 4,
				variant: 'four',
				controls: 'none',
				theme: 'dark',
				autoplay: true,
				speed: 2
			},
			notes: []
		});
	});

	it('falls back to defaults with a note naming each bad value', () => {
		const { options, notes } = read(
			'lesson=x&step=-2&controls=huge&theme=pink&autoplay=yes&speed=9'
		);
		expect(options).toMatchObject({
			step: 1,
			controls: 'all',
			theme: 'auto',
			autoplay: false,
			speed: 1
		});
		expect(notes.join('\n')).toMatch(
			/step="-2".*\n.*speed="9".*\n.*controls="huge".*\n.*theme="pink".*\n.*autoplay="yes"/
		);
	});

	it('round-trips through writeEmbedQuery', () => {
		const options = {
			lesson: 'restaurant',
			step: 3,
			variant: 'stove',
			controls: 'minimal' as const,
			theme: 'light' as const,
			autoplay: true,
			speed: 0.5
		};
		expect(read(writeEmbedQuery(options)).options).toEqual(options);
	});

	it('never throws on hostile or malformed queries, and returns only known values', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(...EMBED_KEYS, 'x', '__proto__'),
					fc.string({ maxLength: 40 })
				),
				(dict) => {
					const q = new URLSearchParams(Object.entries(dict));
					const { options } = readEmbedOptions((name) => q.get(name));
					expect(['all', 'minimal', 'none']).toContain(options.controls);
					expect(['light', 'dark', 'auto']).toContain(options.theme);
					expect(Number.isInteger(options.step) && options.step >= 1).toBe(true);
					expect(options.lesson === null || /^[a-z0-9-]+$/.test(options.lesson)).toBe(true);
				}
			)
		);
	});
});

describe('gotoStep(data, count)', () => {
	it('accepts only a well-formed goto inside the lesson', () => {
		expect(gotoStep({ type: 'event-loop-lab:goto', step: 3 }, 5)).toBe(3);
		for (const bad of [
			null,
			'goto',
			42,
			{ type: 'event-loop-lab:goto' },
			{ type: 'event-loop-lab:goto', step: '3' },
			{ type: 'event-loop-lab:goto', step: 0 },
			{ type: 'event-loop-lab:goto', step: 6 },
			{ type: 'event-loop-lab:goto', step: 1.5 },
			{ type: 'event-loop-lab:step', step: 2 }
		])
			expect(gotoStep(bad, 5)).toBeNull();
	});

	it('never throws, whatever arrives', () => {
		fc.assert(fc.property(fc.anything(), (data) => void gotoStep(data, 10)));
	});
});
