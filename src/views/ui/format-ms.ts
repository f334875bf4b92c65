/**
 * "1,250 ms": milliseconds with their thousands grouped. Written out rather than through
 * `toLocaleString`, whose first call loads the locale data and costs a frame mid-play.
 */
export function formatMs(n: number): string {
	const [whole, fraction] = String(Math.abs(n)).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${n < 0 ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''} ms`;
}
