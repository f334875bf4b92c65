import { describe, expect, it } from 'vitest';
import '../../src/element/event-loop-lesson';

/** An element on the page, with its iframe and its notice. */
function mounted(base: string) {
	const el = document.createElement('event-loop-lesson');
	el.setAttribute('lesson', 'restaurant');
	el.setAttribute('base', base);
	document.body.append(el);
	const root = el.shadowRoot as ShadowRoot;
	return {
		el,
		frame: root.querySelector('iframe') as HTMLIFrameElement,
		notice: root.querySelector('[role=alert]') as HTMLElement
	};
}

describe('<event-loop-lesson base="…">', () => {
	it('shows why it cannot load for a base that is no web address, and throws nothing', () => {
		const { el, frame, notice } = mounted('javascript:alert(1)');
		el.setAttribute('step', '2');
		expect(notice.hidden).toBe(false);
		expect(notice.textContent).toContain('base="javascript:alert(1)" is not a web address');
		expect(frame.hidden).toBe(true);
		expect(frame.getAttribute('src')).toBeNull();
	});

	it('loads the lab once base is fixed', () => {
		const { el, frame, notice } = mounted('javascript:alert(1)');
		el.setAttribute('base', 'https://lab.example/');
		expect(frame.hidden).toBe(false);
		expect(frame.src).toBe('https://lab.example/embed.html?lesson=restaurant');
		expect(notice.hidden).toBe(true);
	});
});
