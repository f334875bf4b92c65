import { describe, expect, it } from 'vitest';
import type { LessonParam } from '../../src/content/lesson-params';
import { readNumberSet, writeNumberSet } from '../../src/url/number-set';
import { DEFAULTS, readQuery, writeUrl } from '../../src/url/params';

const p = (
	name: string,
	value: number,
	min: number,
	max: number,
	step: number,
	unit = ''
): LessonParam => ({
	name,
	label: name,
	unit,
	min,
	max,
	step,
	value,
	sets: []
});
const params = [p('work', 200, 10, 1000, 10, 'ms'), p('count', 5, 1, 12, 1)];

describe('readNumberSet(text, params)', () => {
	it('reads name:value pairs', () => {
		expect(readNumberSet('work:50,count:8', params)).toEqual({
			values: { work: 50, count: 8 },
			notes: []
		});
	});

	it('ignores each bad pair with a note, and keeps the good ones', () => {
		const { values, notes } = readNumberSet(
			'work:5000,count:x,pool:2,count:3,count:4,work:55',
			params
		);
		expect(values).toEqual({ count: 3 });
		expect(notes).toEqual([
			'set: "work:5000" is outside 10 ms to 1,000 ms; ignored.',
			'set: "count:x" is not name:number; ignored.',
			'set: "pool:2" names no number of this lesson (work, count); ignored.',
			'set: "count:4" sets count a second time; ignored.',
			'set: "work:55" is not a multiple of 10 from 10; ignored.'
		]);
	});
});

describe('writeNumberSet(values, params)', () => {
	it("writes changed numbers in the lesson's order, null when none differs", () => {
		expect(writeNumberSet({ count: 8, work: 50 }, params)).toBe('work:50,count:8');
		expect(writeNumberSet({ work: 200 }, params)).toBeNull();
	});

	it('round-trips through the lab URL, readable (no %3A or %2C)', () => {
		const url = writeUrl({ ...DEFAULTS, page: 'lesson', lesson: 'x', set: 'work:50,count:8' });
		expect(url).toBe('?lesson=x&set=work:50,count:8');
		const back = readQuery(url).params.set!;
		expect(readNumberSet(back, params).values).toEqual({ work: 50, count: 8 });
	});
});
