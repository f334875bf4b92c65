import { describe, expect, it } from 'vitest';
import { isSendKey } from '../../src/state/live-keys';

function press(html: string, init: KeyboardEventInit): KeyboardEvent {
	const host = document.createElement('div');
	host.innerHTML = html;
	document.body.append(host);
	const target = host.querySelector('[data-focus]') as Element;
	let seen: KeyboardEvent | null = null;
	target.addEventListener('keydown', (e) => (seen = e as KeyboardEvent));
	target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
	host.remove();
	return seen as unknown as KeyboardEvent;
}

describe('isSendKey(e)', () => {
	it.each([
		['r on a button', '<button data-focus>Next</button>', { key: 'r' }, true],
		['R (Shift) on the page', '<p data-focus>x</p>', { key: 'R', shiftKey: true }, true],
		['r on a slider', '<input type="range" data-focus>', { key: 'r' }, true],
		['r typed in a text field', '<input type="text" data-focus>', { key: 'r' }, false],
		['r in a textarea', '<textarea data-focus></textarea>', { key: 'r' }, false],
		[
			'r in a menu (its type-ahead)',
			'<select data-focus><option>r</option></select>',
			{ key: 'r' },
			false
		],
		['r held down (auto-repeat)', '<p data-focus>x</p>', { key: 'r', repeat: true }, false],
		['Ctrl+R (reload)', '<p data-focus>x</p>', { key: 'r', ctrlKey: true }, false],
		['a step key', '<p data-focus>x</p>', { key: 'ArrowRight' }, false],
		['Space', '<p data-focus>x</p>', { key: ' ' }, false]
	])('%s: %s', (_, html, init, sends) => {
		expect(isSendKey(press(html, init))).toBe(sends);
	});
});
