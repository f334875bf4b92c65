/** Calls `onFrame` once per animation frame with the wall ms since the frame before; returns stop. */
export type FrameSource = (onFrame: (dt: number) => void) => () => void;

/** The browser's animation frames (a 16 ms timer where there are none, as in Node). */
export const animationFrames: FrameSource = (onFrame) => {
	const g = globalThis;
	const [request, cancel] = g.requestAnimationFrame
		? [(f: FrameRequestCallback) => g.requestAnimationFrame(f), g.cancelAnimationFrame.bind(g)]
		: [(f: FrameRequestCallback) => setTimeout(() => f(performance.now()), 16), clearTimeout];
	let last: number | null = null;
	let id = request(function frame(now) {
		onFrame(last === null ? 0 : now - last);
		last = now;
		id = request(frame);
	});
	return () => cancel(id as never);
};
