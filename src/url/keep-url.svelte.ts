/**
 * Keeps the address bar on the page's state (call during component set-up). The entry is
 * replaced, not pushed, so Back leaves the page rather than undoing steps.
 */
export function keepUrl(query: () => string): void {
	$effect(() => history.replaceState(null, '', query()));
}
