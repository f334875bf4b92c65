import { whenIdle } from './when-idle';

/**
 * Runs `f` once `element` comes within a screen of the viewport, for work only a visible part
 * needs (the highlighter's colours), so a visit that never scrolls there never downloads it.
 * Where the browser cannot tell, it runs when idle. Returns a cancel.
 */
export function whenSeen(element: Element, f: () => void): () => void {
	if (typeof IntersectionObserver !== 'function') return whenIdle(f);
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			f();
		},
		{ rootMargin: '100% 0px' }
	);
	observer.observe(element);
	return () => observer.disconnect();
}
