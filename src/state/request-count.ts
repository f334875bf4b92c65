/**
 * How many requests a scenario document (as written) sends: each `arrivals` entry's `count` and
 * each of `requests`. Read from the document, so it is known before the run, whatever else in
 * it is wrong (what is not a count counts as none).
 */
export function requestCount(doc: unknown): number {
	if (doc === null || typeof doc !== 'object') return 0;
	const { arrivals, requests } = doc as { arrivals?: unknown; requests?: unknown };
	const counts = Array.isArray(arrivals)
		? arrivals.map((a: unknown) =>
				a !== null && typeof a === 'object' ? Number((a as { count?: unknown }).count) : 0
			)
		: [];
	const listed = Array.isArray(requests) ? requests.length : 0;
	return counts.reduce((sum, n) => sum + (Number.isFinite(n) && n > 0 ? n : 0), listed);
}
