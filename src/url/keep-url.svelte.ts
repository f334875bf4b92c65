/** How long the address bar waits for the page to settle before it follows (ms). */
const SETTLE_MS = 250;

/**
 * Keeps the address bar on the page's state (call during component set-up). The entry is
 * replaced, not pushed, so Back leaves the page rather than undoing steps. It is written once the
 * page settles, not on every change: Chromium's `replaceState` costs milliseconds a call, which
 * stepping and playing would pay on every step. Leaving the page writes what is pending.
 */
export function keepUrl(query: () => string): void {
	let pending: string | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const write = () => {
		clearTimeout(timer);
		if (pending !== null) history.replaceState(null, '', pending);
		pending = null;
	};
	$effect(() => {
		pending = query();
		clearTimeout(timer);
		timer = setTimeout(write, SETTLE_MS);
	});
	$effect(() => {
		addEventListener('pagehide', write);
		return () => {
			removeEventListener('pagehide', write);
			write();
		};
	});
}
