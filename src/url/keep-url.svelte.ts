import { writeLater } from '../storage/write-later.svelte';

/**
 * Keeps the address bar on the page's state (call during component set-up). The entry is
 * replaced, not pushed, so Back leaves the page rather than undoing steps; it is written once
 * the state settles, and when the page is left.
 */
export function keepUrl(query: () => string): void {
	writeLater(query, (url) => history.replaceState(null, '', url));
}
