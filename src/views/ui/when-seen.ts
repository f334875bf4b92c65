// Code a part of the page needs, loaded once the part comes near the window: a reader who never
// scrolls to it never downloads it (the embed's first visit, issue 15).
import type { Attachment } from 'svelte/attachments';

/** How far outside the window a part counts as near: a scroll or two away. */
const NEAR = '300px 0px';

/** Calls `seen` once, the first time the element is near the window. */
export function whenSeen(seen: () => void): Attachment<Element> {
	return (el) => {
		if (typeof IntersectionObserver === 'undefined') {
			seen();
			return;
		}
		const observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				observer.disconnect();
				seen();
			},
			{ rootMargin: NEAR }
		);
		observer.observe(el);
		return () => observer.disconnect();
	};
}
