import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import LoopView from '../../../src/views/stage/LoopView.svelte';
import { frameWith } from './frame-fixture';

describe('LoopView', () => {
	it('is an image whose accessible name starts "Event loop" and says the state', () => {
		const target = document.createElement('div');
		document.body.append(target);
		const frame = frameWith({
			loop: { phase: 'running', running: 'r1 step', ready: ['r2 step'], batch: 1 },
			loopThread: { state: 'blocked', blockedOn: 'time.sleep(1.0)' }
		});
		const view = mount(LoopView, { target, props: { frame } });
		flushSync();
		const img = target.querySelector('[role="img"]');
		expect(img?.getAttribute('aria-label')).toMatch(
			/^Event loop: blocked: time\.sleep\(1\.0\); 1 callback ready/
		);
		expect(target.querySelector('[data-testid="loop-status"]')?.textContent).toBe(
			'Blocked: time.sleep(1.0).'
		);
		unmount(view);
		target.remove();
	});
});
