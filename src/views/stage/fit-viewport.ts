/**
 * The height that makes a box end at the bottom of the viewport when the page is not scrolled:
 * what is left below `top` (its distance from the top of the document), but never under `min`, so
 * a short window scrolls instead of squeezing the views to nothing.
 */
export function fitHeight(viewportHeight: number, top: number, min: number): number {
	return Math.max(min, Math.floor(viewportHeight - top));
}

/**
 * An attachment that keeps an element's height at `fitHeight` (min `minPx`), measured again
 * whenever the window or anything above the element in its parent changes size.
 */
export function fitToViewport(minPx: number): (el: HTMLElement) => () => void {
	return (el) => {
		const fit = () => {
			const top = el.getBoundingClientRect().top + window.scrollY;
			el.style.height = `${fitHeight(window.innerHeight, top, minPx)}px`;
		};
		const observer = new ResizeObserver(fit);
		for (let n = el.previousElementSibling; n; n = n.previousElementSibling) observer.observe(n);
		window.addEventListener('resize', fit);
		fit();
		return () => {
			observer.disconnect();
			window.removeEventListener('resize', fit);
		};
	};
}
