// A long list in a scroll box of fixed height draws only the rows in view.

/** The rows a scroll box `viewH` px high shows at `scrollTop`, a row to spare each side. */
export function visibleRows(
	scrollTop: number,
	viewH: number,
	rowH: number,
	count: number
): { first: number; last: number } {
	const first = Math.max(0, Math.floor(scrollTop / rowH) - 1);
	const last = Math.min(count, Math.ceil((scrollTop + viewH) / rowH) + 1);
	return { first, last };
}
