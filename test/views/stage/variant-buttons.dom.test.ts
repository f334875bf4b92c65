import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import VariantButtons from '../../../src/views/stage/VariantButtons.svelte';

const variants = [
	{ name: 'stove', label: 'The waiter cooks himself' },
	{ name: 'kitchen', label: 'Orders go to the kitchen' },
	{ name: 'extra', label: 'A variant no step uses' }
];

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
	if (app) unmount(app);
	app = null;
	document.body.innerHTML = '';
});

function show(props: Partial<Parameters<typeof VariantButtons>[1]> = {}) {
	const picked: string[] = [];
	app = mount(VariantButtons, {
		target: document.body,
		props: {
			variants,
			shown: 'kitchen',
			onshow: (n: string) => picked.push(n),
			groups: [['stove', 'kitchen']],
			more: ['extra'],
			...props
		}
	});
	flushSync();
	return picked;
}

const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('button.variant')];

describe('<VariantButtons groups more>', () => {
	it('draws a pair as one group, bug first, and marks only the variant on show as pressed', () => {
		show();
		const pair = document.querySelector('[role="group"][aria-label="A bug and its fix"]');
		expect([...pair!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
			'✓The waiter cooks himself',
			'✓Orders go to the kitchen'
		]);
		expect(buttons().map((b) => b.getAttribute('aria-pressed'))).toEqual([
			'false',
			'true',
			'false'
		]);
	});

	it('puts the other variants under "More variants" and reports a choice', () => {
		const picked = show();
		const more = document.querySelector('details.more')!;
		expect(more.querySelector('summary')?.textContent).toBe('✓More variants');
		expect(more.textContent).toContain('A variant no step uses');
		buttons()[2].click();
		expect(picked).toEqual(['extra']);
	});

	it('folds into one line naming the variant on show when compact', () => {
		show({ compact: true });
		const picker = document.querySelector('details.picker')!;
		expect(picker.querySelector('summary')?.textContent).toMatch(
			/^Variant: Orders go to the kitchen/
		);
		expect(picker.querySelector('[role="group"][aria-label="Variant"]')).not.toBeNull();
	});
});
