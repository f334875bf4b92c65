// An element's width or height, told as it changes. Svelte's `bind:clientWidth` reads the size
// once as it mounts, which forces a layout in the middle of the mounting task, one for each view
// (≈ 60 ms of a 10,000-request run's first draw); a ResizeObserver tells it after the browser's
// own layout, before the frame paints, so the first frame drawn has the right size all the same.
import type { Attachment } from 'svelte/attachments';

type Side = 'clientWidth' | 'clientHeight';

const told = new WeakMap<Element, () => void>();
let observer: ResizeObserver | null = null;

function observe(el: Element, tell: () => void): () => void {
	observer ??= new ResizeObserver((entries) => {
		for (const entry of entries) told.get(entry.target)?.();
	});
	told.set(el, tell);
	observer.observe(el);
	return () => {
		told.delete(el);
		observer?.unobserve(el);
	};
}

/** Calls `set` with the element's `side` (client width or height) each time its box changes. */
export function boxSize(side: Side, set: (px: number) => void): Attachment<HTMLElement> {
	return (el) => observe(el, () => set(el[side]));
}
