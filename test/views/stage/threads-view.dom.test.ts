import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import ThreadsView from '../../../src/views/stage/ThreadsView.svelte';
import { frameWith } from './frame-fixture';

describe('ThreadsView', () => {
	it('draws a hand-off arrow per recent hand-off, the self-pipe byte only where the loop was woken', () => {
		const target = document.createElement('div');
		document.body.append(target);
		const frame = frameWith({
			t: 40,
			threads: {
				loop: { state: 'selecting', doing: null, kind: 'loop' },
				reader: { state: 'blocked', doing: 'reading the pipe', kind: 'reader' }
			},
			gil: { holder: null, waiters: [] },
			handoffs: [
				{
					at: 10,
					from: 'reader',
					to: 'loop',
					kind: 'unsafe',
					what: 'fut.set_result(response #1): nothing wakes select()',
					woke: false
				},
				{
					at: 30,
					from: 'reader',
					to: 'loop',
					kind: 'threadsafe',
					what: 'call_soon_threadsafe(fut.set_result, response #2): the self-pipe byte wakes select()',
					woke: true
				}
			]
		});
		const view = mount(ThreadsView, { target, props: { frame, gil: true } });
		flushSync();
		const arrows = [...target.querySelectorAll('g.arrow')];
		expect(arrows.map((a) => a.classList.contains('unsafe'))).toEqual([true, false]);
		expect(arrows.map((a) => a.querySelector('rect.byte') !== null)).toEqual([false, true]);
		expect(
			[...target.querySelectorAll('.handoffs li')].map((li) => li.textContent?.trim())
		).toEqual([
			'1 reader → loop thread: fut.set_result(response #1): nothing wakes select() · 30 ms ago',
			'2 reader → loop thread: call_soon_threadsafe(fut.set_result, response #2): the self-pipe byte wakes select() · 10 ms ago'
		]);
		unmount(view);
		target.remove();
	});
});
