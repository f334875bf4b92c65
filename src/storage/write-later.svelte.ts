/**
 * Writes what `read` tracks once it has been quiet for `quietMs`, and at once when the page is
 * left (call during component set-up). Stepping, playing and scrubbing change state many times a
 * second; writing the address bar or localStorage on each change costs the main thread
 * milliseconds a time (Chromium's `replaceState` above all) that the change itself should get.
 */
export function writeLater<T>(read: () => T, write: (value: T) => void, quietMs = 300): void {
	let pending: { value: T } | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const flush = () => {
		clearTimeout(timer);
		if (pending) write(pending.value);
		pending = null;
	};
	$effect(() => {
		pending = { value: read() };
		clearTimeout(timer);
		timer = setTimeout(flush, quietMs);
	});
	$effect(() => {
		addEventListener('pagehide', flush);
		return () => {
			removeEventListener('pagehide', flush);
			flush();
		};
	});
}
