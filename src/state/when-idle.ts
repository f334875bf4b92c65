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
