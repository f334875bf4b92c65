import { describe, expect, it } from 'vitest';
import { fitHeight } from '../../../src/views/stage/fit-viewport';
import { lineScrollTop } from '../../../src/views/stage/line-scroll';
import { narrationHeight } from '../../../src/views/stage/narration-height';
import { stepAnnouncement } from '../../../src/views/stage/step-announcement';
import { tabAfterKey } from '../../../src/views/stage/tab-keys';

describe('stepAnnouncement(step, count, t)', () => {
	it.each([
		[0, 19, 0, 'Step 1 of 19, 0 ms:'],
		[2, 19, 20, 'Step 3 of 19, 20 ms:'],
		[14, 15, 2.5, 'Step 15 of 15, 2.5 ms:']
	])('step index %i of %i at %f ms says "%s"', (step, count, t, words) => {
		expect(stepAnnouncement(step, count, t)).toBe(words);
	});
});

describe('tabAfterKey(key, index, count)', () => {
	it.each([
		['ArrowRight', 0, 4, 1],
		['ArrowRight', 3, 4, 0],
		['ArrowLeft', 0, 4, 3],
		['ArrowLeft', 2, 4, 1],
		['Home', 2, 4, 0],
		['End', 1, 4, 3],
		['Enter', 1, 4, null],
		['ArrowDown', 1, 4, null]
	])('%s from tab %i of %i goes to %s', (key, index, count, to) => {
		expect(tabAfterKey(key, index, count)).toBe(to);
	});
});

describe('lineScrollTop(box, line)', () => {
	const box = { scrollTop: 100, height: 200 };
	it('leaves a line in view where it is', () => {
		expect(lineScrollTop(box, { top: 120, height: 20 })).toBeNull();
		expect(lineScrollTop(box, { top: 280, height: 20 })).toBeNull();
	});
	it('scrolls a line below or above the box to one line under the top', () => {
		expect(lineScrollTop(box, { top: 290, height: 20 })).toBe(270);
		expect(lineScrollTop(box, { top: 40, height: 20 })).toBe(20);
		expect(lineScrollTop(box, { top: 10, height: 20 })).toBe(0);
	});
});

describe('fitHeight(viewportHeight, top, min)', () => {
	it('fills the viewport below the top, whole pixels', () => {
		expect(fitHeight(768, 250.6, 300)).toBe(517);
	});
	it('never goes under the minimum', () => {
		expect(fitHeight(500, 300, 320)).toBe(320);
	});
});

describe('narrationHeight(textPx, linePx, paddingPx, minLines, maxLines)', () => {
	it('fits the longest step in whole lines, plus the padding', () => {
		expect(narrationHeight(72, 24, 10, 2, 5)).toBe(82);
		expect(narrationHeight(73, 24, 10, 2, 5)).toBe(106);
	});
	it('keeps at least minLines and at most maxLines', () => {
		expect(narrationHeight(20, 24, 0, 2, 5)).toBe(48);
		expect(narrationHeight(500, 24, 0, 2, 5)).toBe(120);
	});
});
