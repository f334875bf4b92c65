// Numbers as the lab writes them, with their thousands grouped as en-US does. Written out rather
// than through `toLocaleString`, whose first call loads the locale data and costs a frame mid-play.

/** "1,250", "2.5", "−1,500": at most `fractionDigits` decimals, trailing zeros dropped. */
export function grouped(n: number, fractionDigits = 3): string {
	const rounded = Number(Math.abs(n).toFixed(fractionDigits));
	const [whole, fraction] = String(rounded).split('.');
	const sign = n < 0 && rounded !== 0 ? '−' : '';
	return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** "1,250 ms". */
export const formatMs = (n: number, fractionDigits = 3): string =>
	`${grouped(n, fractionDigits)} ms`;
