import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TimelineView from '../../../src/views/stage/TimelineView.svelte';
import type { TimelineModel } from '../../../src/views/stage/timeline-model';
import { describeTimeline } from '../../../src/views/stage/timeline-summary';

const timeline: TimelineModel = {
	lanes: [
		{
			id: 'loop',
			kind: 'loop',
			thread: null,
			label: 'loop thread',
			segments: [{ from: 0, to: 100, state: 'blocked' }]
		},
		{
			id: 'reader',
			kind: 'thread',
			thread: 'reader',
			label: 'reader thread',
			segments: [{ from: 0, to: 100, state: 'thread-blocked' }]
		}
	],
	beats: [],
	lags: [],
	handoffs: [
		{ at: 60, from: 'reader', to: 'loop', kind: 'unsafe', what: 'fut.set_result(1)', woke: false }
	],
	endMs: 100,
	hungAtMs: null
};

describe('<TimelineView runs cursor>', () => {
	let app: ReturnType<typeof mount> | null = null;
	afterEach(() => {
		if (app) unmount(app);
		app = null;
	});

	it('is an image named "Timeline…", described in words up to the cursor, the rest veiled', () => {
		app = mount(TimelineView, {
			target: document.body,
			props: { runs: [{ label: 'bug', timeline }], cursor: 40 }
		});
		flushSync();
		const svg = document.querySelector('svg[role="img"]')!;
		expect(svg.getAttribute('aria-label')).toBe('Timeline of bug, 0–100 ms, cursor at 40 ms');
		const described = document.getElementById(svg.getAttribute('aria-describedby') ?? '');
		expect(described?.textContent).toBe(describeTimeline(timeline, 40, 'bug').description);
		const rects = [...svg.querySelectorAll('rect')];
		expect(rects.some((r) => r.getAttribute('style')?.includes('url(#pat-blocked)'))).toBe(true);
		expect(rects.some((r) => r.getAttribute('style')?.includes('url(#pat-thread-blocked)'))).toBe(
			true
		);
		// The veil and the cursor are HTML slid over the picture to the cursor's x (at 40 of 100 ms).
		const veil = document.querySelector<HTMLElement>('.future')!;
		const line = document.querySelector<HTMLElement>('.cursor')!;
		const slid = (e: HTMLElement) =>
			Number(/translateX\(([\d.-]+)px\)/.exec(e.style.transform)?.[1]);
		expect(slid(line) + 1.25).toBeCloseTo(slid(veil), 5);
		expect(slid(veil)).toBeGreaterThan(0);
		expect(Number(veil.style.opacity)).toBeGreaterThan(0);
		expect(parseFloat(veil.style.width)).toBeGreaterThan(0);
		const arrow = svg.querySelector('line.handoff');
		expect(arrow?.getAttribute('stroke-dasharray')).toBe('3 2');
		expect(arrow?.getAttribute('marker-end')).toBe('url(#handoff-arrow)');
		expect(svg.querySelector('circle.wake')).toBeNull();
		expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toContain('time (ms)');
	});
});
