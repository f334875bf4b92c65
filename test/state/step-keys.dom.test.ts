import { describe, expect, it } from 'vitest';
import { keyBelongsToControl, stepKeys } from '../../src/state/step-keys';
import type { Stepper } from '../../src/state/player.svelte';

function element(html: string): Element {
	const host = document.createElement('div');
	host.innerHTML = html;
	document.body.append(host);
	return host.querySelector('[data-focus]') as Element;
}

describe('keyBelongsToControl(target, key)', () => {
	const cases: [string, string, string, boolean][] = [
		['a button after a click', '<button data-focus>Next</button>', 'ArrowRight', false],
		['a button keeps Space', '<button data-focus>Next</button>', ' ', true],
		['a link lets End through', '<a href="#x" data-focus>x</a>', 'End', false],
		['a slider keeps the arrows', '<input type="range" data-focus>', 'ArrowLeft', true],
		['a slider keeps Home', '<input type="range" data-focus>', 'Home', true],
		['a slider lets Space through', '<input type="range" data-focus>', ' ', false],
		['a text field keeps every key', '<input type="text" data-focus>', 'ArrowRight', true],
		['a number field keeps every key', '<input type="number" data-focus>', 'Home', true],
		['a checkbox keeps Space', '<input type="checkbox" data-focus>', ' ', true],
		[
			'a checkbox lets the arrows through',
			'<input type="checkbox" data-focus>',
			'ArrowRight',
			false
		],
		['a radio keeps the arrows', '<input type="radio" data-focus>', 'ArrowLeft', true],
		['a select keeps every key', '<select data-focus><option>1</option></select>', 'End', true],
		['a textarea keeps every key', '<textarea data-focus></textarea>', ' ', true],
		[
			'inside an open dialog',
			'<dialog open><button data-focus>x</button></dialog>',
			'ArrowRight',
			true
		],
		[
			'an editable area',
			'<div contenteditable="true"><p data-focus>x</p></div>',
			'ArrowLeft',
			true
		],
		['the page itself', '<div data-focus>prose</div>', ' ', false]
	];
	for (const [name, html, key, owned] of cases) {
		it(`${name}: ${JSON.stringify(key)} → ${owned ? 'the control' : 'the step keys'}`, () => {
			expect(keyBelongsToControl(element(html), key)).toBe(owned);
		});
	}
});

describe('stepKeys(of)', () => {
	function stepper() {
		const calls: string[] = [];
		const s = {
			count: 5,
			next: () => calls.push('next'),
			previous: () => calls.push('previous'),
			toggle: () => calls.push('toggle'),
			goTo: (n: number) => calls.push(`goTo ${n}`)
		} as unknown as Stepper;
		return { s, calls };
	}
	const press = (target: Element, key: string, init: KeyboardEventInit = {}) => {
		const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
		target.dispatchEvent(e);
		return e;
	};

	it('steps with the arrows, Home and End while a button has focus', () => {
		const { s, calls } = stepper();
		const button = element('<button data-focus>Next</button>');
		const onKey = stepKeys(() => s);
		button.addEventListener('keydown', (e) => onKey(e as KeyboardEvent));
		for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) press(button, key);
		expect(calls).toEqual(['next', 'previous', 'goTo 0', 'goTo 4']);
	});

	it('leaves Space to a focused button and a modified key to the browser', () => {
		const { s, calls } = stepper();
		const button = element('<button data-focus>Next</button>');
		const onKey = stepKeys(() => s);
		button.addEventListener('keydown', (e) => onKey(e as KeyboardEvent));
		const space = press(button, ' ');
		press(button, 'ArrowRight', { altKey: true });
		expect(calls).toEqual([]);
		expect(space.defaultPrevented).toBe(false);
	});

	it('plays or pauses with Space on the page and takes the key from the browser', () => {
		const { s, calls } = stepper();
		const prose = element('<p data-focus>prose</p>');
		const onKey = stepKeys(() => s);
		prose.addEventListener('keydown', (e) => onKey(e as KeyboardEvent));
		expect(press(prose, ' ').defaultPrevented).toBe(true);
		expect(calls).toEqual(['toggle']);
	});
});
