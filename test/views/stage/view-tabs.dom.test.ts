import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import ViewTabs from '../../../src/views/stage/ViewTabs.svelte';

describe('<ViewTabs tabs panel>', () => {
	it('shows one panel; arrows, Home and End choose and focus a tab, wrapping at the ends', () => {
		const tabs = ['loop', 'threads', 'timeline'].map((id) => ({ id, label: id }));
		const panel = createRawSnippet((id: () => string) => ({ render: () => `<p>${id()}</p>` }));
		const app = mount(ViewTabs, { target: document.body, props: { tabs, panel } });
		flushSync();
		const tab = (id: string) => document.getElementById(`tab-${id}`)!;
		const shown = () =>
			[...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')]
				.filter((p) => !p.hidden)
				.map((p) => p.textContent);
		const press = (key: string) => {
			(document.activeElement ?? tab('loop')).dispatchEvent(
				new KeyboardEvent('keydown', { key, bubbles: true })
			);
			flushSync();
		};
		expect(shown()).toEqual(['loop']);
		tab('loop').focus();
		press('ArrowLeft');
		expect(shown()).toEqual(['timeline']);
		expect(document.activeElement).toBe(tab('timeline'));
		expect(tab('timeline').getAttribute('aria-selected')).toBe('true');
		expect(tab('loop').getAttribute('tabindex')).toBe('-1');
		press('Home');
		expect(shown()).toEqual(['loop']);
		press('ArrowRight');
		expect(shown()).toEqual(['threads']);
		unmount(app);
	});
});
