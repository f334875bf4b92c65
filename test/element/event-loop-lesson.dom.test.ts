import { describe, expect, it } from 'vitest';
import '../../src/element/event-loop-lesson';

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;

describe('<event-loop-lesson base="…">', () => {
	it('shows why it cannot load for a base that is no web address, and throws nothing', () => {
		const el = document.createElement('event-loop-lesson');
		el.setAttribute('lesson', 'restaurant');
		el.setAttribute('base', 'javascript:alert(1)');
		document.body.append(el);
		el.setAttribute('step', '2');
		const notice = shadow(el).querySelector('[role=alert]') as HTMLElement;
		const frame = shadow(el).querySelector('iframe') as HTMLIFrameElement;
		expect(notice.hidden).toBe(false);
		expect(notice.textContent).toContain('base="javascript:alert(1)" is not a web address');
		expect(frame.hidden).toBe(true);
		expect(frame.getAttribute('src')).toBeNull();
	});

	it('loads the lab once base is fixed', () => {
		const el = document.createElement('event-loop-lesson');
		el.setAttribute('lesson', 'restaurant');
		el.setAttribute('base', 'javascript:alert(1)');
		document.body.append(el);
		el.setAttribute('base', 'https://lab.example/');
		const frame = shadow(el).querySelector('iframe') as HTMLIFrameElement;
		expect(frame.hidden).toBe(false);
		expect(frame.src).toBe('https://lab.example/embed.html?lesson=restaurant');
		expect((shadow(el).querySelector('[role=alert]') as HTMLElement).hidden).toBe(true);
	});
});
