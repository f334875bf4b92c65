import { describe, expect, it } from 'vitest';
import { fitText, plainText, textWidth, wrapText } from '../../src/export/plain-text';

describe('plainText(markdown)', () => {
	it.each([
		['the **ready queue**', 'the ready queue'],
		['*held by* one request', 'held by one request'],
		['__strong__ and _run_once stays', 'strong and _run_once stays'],
		['`call_soon_threadsafe` wakes it', 'call_soon_threadsafe wakes it'],
		['see [the docs](https://docs.python.org)', 'see the docs'],
		['min(32, cpu + 4) * 2 = 2 * x', 'min(32, cpu + 4) * 2 = 2 * x'],
		['a \\*literal\\* star', 'a *literal* star'],
		['  spaced   out  ', 'spaced out']
	])('plainText(%j) is %j', (markdown, text) => {
		expect(plainText(markdown)).toBe(text);
	});
});

describe('wrapText(text, width, size)', () => {
	const text =
		'The loop thread is blocked in acquire() for good: nothing else runs until it returns.';

	it('breaks at spaces into lines no wider than the width, keeping every word in order', () => {
		const lines = wrapText(text, 200, 14);
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(200);
		expect(lines.join(' ')).toBe(text);
	});

	it('keeps paragraphs apart and splits a word too long for a line', () => {
		expect(wrapText('one\n\ntwo', 500, 14)).toEqual(['one', 'two']);
		const long = 'x'.repeat(60);
		const lines = wrapText(long, 100, 14);
		expect(lines.join('')).toBe(long);
		for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(100);
	});
});

describe('fitText(text, width, size)', () => {
	it('leaves text that fits and ends longer text with an ellipsis inside the width', () => {
		expect(fitText('r1', 78, 11)).toBe('r1');
		const fitted = fitText('a-very-long-request-name', 78, 11);
		expect(fitted.endsWith('…')).toBe(true);
		expect(textWidth(fitted, 11)).toBeLessThanOrEqual(78);
	});
});
