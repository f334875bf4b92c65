/** Where the element loads the lab from: embed.html beside `base`, or why `base` cannot say. */
export type EmbedUrl = { url: URL } | { problem: string };

const SHOWN = 60;

/**
 * embed.html in the folder `base` names (resolved against the host page), or the built-in one
 * when there is no `base`. Only an http(s) address loads the lab: `javascript:`, `data:` and
 * the like would run in the frame or cannot hold a folder, so they give a problem to show.
 */
export function embedUrl(base: string | null, pageHref: string, builtIn: URL): EmbedUrl {
	if (!base) return { url: builtIn };
	const shown = base.length > SHOWN ? `${base.slice(0, SHOWN)}…` : base;
	const problem = `Event Loop Lab cannot load: base="${shown}" is not a web address. Set base to the http(s) folder that holds embed.html.`;
	const folder = parsed(base, pageHref);
	if (!folder || (folder.protocol !== 'https:' && folder.protocol !== 'http:')) return { problem };
	return { url: new URL('embed.html', folder) };
}

// URL.parse is too new for some of the pages that embed the lab.
function parsed(href: string, against: string): URL | null {
	try {
		return new URL(href, against);
	} catch {
		return null;
	}
}
