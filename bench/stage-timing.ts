// In-page probes for the stage bench: how long the main thread is busy for one animation frame,
// and for one step change. Each runs inside the page (page.evaluate), so they import nothing.

/**
 * Watches every animation frame for `ms`: its busy time on the main thread (from the frame's
 * start to the first task after its rendering) and the gap to the frame before.
 */
export function watchFrames(ms: number): Promise<{ busy: number[]; gaps: number[] }> {
	return new Promise((resolve) => {
		const busy: number[] = [];
		const gaps: number[] = [];
		const channel = new MessageChannel();
		let start = 0;
		let last: number | null = null;
		const end = performance.now() + ms;
		channel.port1.onmessage = () => busy.push(performance.now() - start);
		const frame = (now: number) => {
			if (last !== null) gaps.push(now - last);
			last = now;
			start = now;
			// A message posted now is handled after this frame's callbacks, style, layout and paint.
			channel.port2.postMessage(null);
			if (now < end) requestAnimationFrame(frame);
			else setTimeout(() => resolve({ busy, gaps }), 50);
		};
		requestAnimationFrame(frame);
	});
}

/**
 * Presses → once and measures the main thread's work for it: the key handler, the views' updates
 * (Svelte flushes them in a microtask) and the style and layout they cause (forced by a read).
 */
export function timeStepChange(): Promise<number> {
	return new Promise((resolve) => {
		const start = performance.now();
		window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			void document.body.offsetHeight;
			resolve(performance.now() - start);
		};
		channel.port2.postMessage(null);
	});
}
