import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	carriesTexts,
	DEFAULTS,
	EMBED_KEYS,
	LAB_KEYS,
	readParams,
	readQuery,
	writeEmbedQuery,
	writeUrl,
	type Params
} from '../../src/url/params';
import { SLUG } from '../../src/url/slug';

const pick = <K extends keyof Params>(p: Params, keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, p[k]])) as Pick<Params, K>;
const labState = (p: Params) => pick(p, LAB_KEYS);
const embedOptions = (p: Params) => pick(p, EMBED_KEYS);

describe('readQuery(search)', () => {
	it('reads a lesson state', () => {
		const { params, notes } = readQuery(
			'?lesson=restaurant&step=4&variant=stove&speed=2&compare=1&t=150'
		);
		expect(labState(params)).toEqual({
			...labState(DEFAULTS),
			page: 'lesson',
			lesson: 'restaurant',
			step: 4,
			variant: 'stove',
			speed: 2,
			compare: true,
			t: 150
		});
		expect(notes).toEqual([]);
	});

	it('reads every embed option', () => {
		const { params } = readQuery(
			'lesson=gil-and-pool&step=4&variant=four&set=work:50,calls:8&controls=none&theme=dark&autoplay=1&speed=2'
		);
		expect(embedOptions(params)).toEqual({
			lesson: 'gil-and-pool',
			step: 4,
			variant: 'four',
			set: 'work:50,calls:8',
			controls: 'none',
			theme: 'dark',
			autoplay: true,
			speed: 2
		});
	});

	it('reads a playground state; a + in the scenario comes back as the space URLSearchParams made', () => {
		const { params } = readQuery('?page=playground&step=7&variant=b&compare=1&s=N4Ig+-$x&b=Q');
		expect(params).toMatchObject({
			page: 'playground',
			step: 7,
			variant: 'b',
			s: 'N4Ig -$x',
			b: 'Q'
		});
	});

	it('reads the texts from the #fragment, from the query in older links, and never mixes the two', () => {
		const fragment = readQuery('?page=playground&step=3&compare=1', '#s=N4Ig+-$x&b=Q&py=P').params;
		expect(fragment).toMatchObject({ step: 3, compare: true, s: 'N4Ig -$x', b: 'Q', py: 'P' });
		const old = readQuery('?page=playground&s=old&b=oldB', '').params;
		expect([old.s, old.b]).toEqual(['old', 'oldB']);
		// A fragment with a scenario wins whole; an anchor (`#result-h`) carries none.
		expect(readQuery('?page=playground&s=old&b=oldB', '#s=new').params).toMatchObject({
			s: 'new',
			b: null
		});
		expect(readQuery('?page=playground&s=old', '#result-h').params.s).toBe('old');
		// Only the texts travel in the fragment; the page and the rest are read from the query.
		expect(readQuery('?', '#page=docs&step=4&s=x').params).toMatchObject({ page: 'home', step: 1 });
		expect([carriesTexts('#py=x'), carriesTexts('#result-h'), carriesTexts('')]).toEqual([
			true,
			false,
			false
		]);
	});

	it('reads ?page=run, the old name of the playground', () => {
		expect(readQuery('?page=run').params).toMatchObject({ page: 'run', s: null });
	});

	// One rule per parameter, for every page: each bad value falls back and says so.
	const bad: [string, Partial<Params>, RegExp][] = [
		['?lesson=<script>', { lesson: null, page: 'home' }, /lesson="<script>" is not a lesson name/],
		[
			'?lesson=a&step=-3',
			{ step: 1 },
			/step="-3" is not a step number \(1, 2, …\); starting at step 1\./
		],
		['?lesson=a&step=abc', { step: 1 }, /step="abc" is not a step number/],
		['?lesson=a&step=2.5', { step: 1 }, /step="2.5" is not a step number/],
		['?lesson=a&step=', { step: 1 }, /step="" is not a step number/],
		['?lesson=a&speed=9', { speed: 1 }, /speed="9" is not one of 0.25, 0.5, 1, 2, 4; using 1\./],
		['?page=<b>', { page: 'home' }, /page="<b>" is not a page of the lab/],
		['?lesson=a&t=-5', { t: null }, /t="-5" is not a moment in ms/],
		['?lesson=a&compare=yes', { compare: false }, /compare="yes" is not one of 0, 1; using 0\./],
		[
			'?controls=huge',
			{ controls: 'all' },
			/controls="huge" is not one of all, minimal, none; using all\./
		],
		[
			'?theme=pink',
			{ theme: 'auto' },
			/theme="pink" is not one of light, dark, auto; using auto\./
		],
		['?autoplay=yes', { autoplay: false }, /autoplay="yes" is not one of 0, 1; using 0\./],
		['?page=playground&sweep=rate', { sweep: null }, /sweep="rate" is not a sweep parameter/],
		[
			'?page=playground&sweep=poolSize&from=x',
			{ sweep: 'poolSize', from: null },
			/from="x" is not a number; sweeping from the parameter's own start\./
		],
		['?page=playground&to=Infinity', { to: null }, /to="Infinity" is not a number/],
		['?page=playground&points=2.5', { points: null }, /points="2.5" is not a whole number/]
	];
	for (const [search, expected, note] of bad) {
		it(`falls back for ${search} with a note saying what was wrong`, () => {
			const { params, notes } = readQuery(search);
			expect(params).toMatchObject(expected);
			expect(notes).toHaveLength(1);
			expect(notes[0]).toMatch(note);
		});
	}

	it('never throws on hostile or malformed queries, and returns only valid values', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(...LAB_KEYS, ...EMBED_KEYS, 'x', '__proto__'),
					fc.string({ maxLength: 40 })
				),
				(dict) => {
					const { params } = readParams((name) => dict[name] ?? null);
					expect(['all', 'minimal', 'none']).toContain(params.controls);
					expect(['light', 'dark', 'auto']).toContain(params.theme);
					expect(Number.isInteger(params.step) && params.step >= 1).toBe(true);
					expect(params.lesson === null || SLUG.test(params.lesson)).toBe(true);
					expect(params.t === null || params.t >= 0).toBe(true);
				}
			)
		);
	});
});

describe('writeUrl(state) / writeEmbedQuery(options)', () => {
	it('round-trip through readQuery, leaving defaults out', () => {
		const lab = readQuery('?lesson=restaurant&step=4&variant=stove&speed=2&compare=1&t=150');
		expect(writeUrl(labState(lab.params))).toBe(
			'?lesson=restaurant&step=4&variant=stove&speed=2&compare=1&t=150'
		);
		const playground = readQuery('?page=playground&step=7&variant=b&s=N4Ig+-$x&b=Q').params;
		const written = writeUrl(labState(playground));
		expect(written).toBe('?page=playground&step=7&variant=b#s=N4Ig+-%24x&b=Q');
		const [search, hash] = written.split('#');
		expect(labState(readQuery(search, `#${hash}`).params)).toEqual(labState(playground));
		const options = {
			lesson: 'restaurant',
			step: 3,
			variant: 'stove',
			set: 'cook:500',
			controls: 'minimal' as const,
			theme: 'light' as const,
			autoplay: true,
			speed: 0.5
		};
		expect(embedOptions(readQuery(writeEmbedQuery(options)).params)).toEqual(options);
		// The numbers stay readable in an embed link, as in the lab's own.
		expect(writeEmbedQuery({ ...options, set: 'work:50,count:8' })).toContain(
			'&set=work:50,count:8&'
		);
	});

	it('round-trip a sweep: its parameter and range stay in the query, readable', () => {
		const search =
			'?page=playground&sweep=workMs:handlers.upload.steps%5B0%5D&from=25&to=400&points=12';
		const read = readQuery(search).params;
		expect(read).toMatchObject({
			sweep: 'workMs:handlers.upload.steps[0]',
			from: 25,
			to: 400,
			points: 12
		});
		expect(writeUrl(labState(read))).toBe(search);
	});

	it('write the page only for pages beyond the lessons', () => {
		expect(writeUrl(labState(readQuery('?page=run&step=2').params))).toBe('?page=run&step=2');
		expect(writeUrl(labState(DEFAULTS))).toBe('?');
		expect(writeUrl({ ...labState(DEFAULTS), page: 'lesson', lesson: 'x' })).toBe('?lesson=x');
	});
});
