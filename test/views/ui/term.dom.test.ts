import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/content/glossary';
import Term from '../../../src/views/ui/Term.svelte';

describe('Term', () => {
	it('describes its word by the tooltip, opens on focus and closes on Escape', () => {
		const target = document.createElement('div');
		document.body.append(target);
		const term = mount(Term, { target, props: { term: 'batch' } });
		flushSync();
		const button = target.querySelector('button')!;
		const tip = document.getElementById(button.getAttribute('aria-describedby') ?? '')!;
		expect(tip.getAttribute('role')).toBe('tooltip');
		expect(tip.textContent).toBe(glossary.batch.text);
		expect(tip.classList.contains('open')).toBe(false);
		button.focus();
		flushSync();
		expect(tip.classList.contains('open')).toBe(true);
		button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
		flushSync();
		expect(tip.classList.contains('open')).toBe(false);
		unmount(term);
		target.remove();
	});
});
