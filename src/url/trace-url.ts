// `?page=trace&trace=<path>`: the trace page fetches a recorded run from the lab's own site only
// (nothing is fetched from outside the site, DESIGN.md), so a link cannot point it elsewhere.

/** The URL to fetch for a `trace=` value, resolved against the page, or why it is refused. */
export function sameSiteTraceUrl(
	value: string,
	page: string
): { ok: true; url: string } | { ok: false; message: string } {
	const refused = {
		ok: false as const,
		message: `trace="${value}" is not a path on this site: give a relative path such as traces/sample-service.json.`
	};
	// A scheme or a protocol-relative start names another site, whatever it resolves to.
	if (!value.trim() || /^[a-z][a-z0-9+.-]*:/i.test(value) || /^[\\/]{2}/.test(value))
		return refused;
	let url: URL;
	try {
		url = new URL(value, page);
	} catch {
		return refused;
	}
	return url.origin === new URL(page).origin ? { ok: true, url: url.href } : refused;
}
