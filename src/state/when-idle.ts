/**
 * Runs `f` when the main thread is idle (soon after, where the browser has no idle callbacks),
 * for work the learner does not wait for. Returns a cancel.
 */
export function whenIdle(f: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(f, { timeout: 2000 });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(f, 50);
	return () => clearTimeout(handle);
}

/** Runs `f` at once when it is needed `now`, else when the main thread is idle. Returns a cancel. */
export function whenNeeded(now: boolean, f: () => void): () => void {
	if (!now) return whenIdle(f);
	f();
	return () => {};
}

/** Runs `f` on each item, one per idle moment, in order. Returns a stop. */
export function eachWhenIdle<T>(items: readonly T[], f: (item: T) => void): () => void {
	const left = [...items];
	let cancel = () => {};
	const next = () => {
		if (left.length === 0) return;
		f(left.shift() as T);
		cancel = whenIdle(next);
	};
	cancel = whenIdle(next);
	return () => cancel();
}

/**
 * Runs `f` in a task after the next frame has painted: work split off a long one, so the page
 * shows what it drew first. Returns a cancel.
 */
export function afterPaint(f: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(f, 0)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
