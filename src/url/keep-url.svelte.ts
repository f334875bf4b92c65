/**
 * Keeps the address bar on the page's state (call during component set-up). The entry is
 * replaced, not pushed, so Back leaves the page rather than undoing steps. It is written just
 * after the next paint, not inside the change: Chromium's `replaceState` costs milliseconds a
 * call, which a step change would otherwise pay before the learner sees it. Leaving the page
 * writes what is pending.
 */
export function keepUrl(query: () => string): void {
	let pending: string | null = null;
	let frame = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const write = () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
		if (pending !== null) history.replaceState(null, '', pending);
		pending = null;
	};
	$effect(() => {
		const first = pending === null;
		pending = query();
		if (first) frame = requestAnimationFrame(() => (timer = setTimeout(write)));
	});
	$effect(() => {
		addEventListener('pagehide', write);
		return () => {
			removeEventListener('pagehide', write);
			write();
		};
	});
}
