/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:lesson-index' {
	/** One entry per lesson folder (see src/content/lesson-index-plugin.ts). */
	const index: {
		folder: string;
		title?: unknown;
		summary?: unknown;
		path?: unknown;
		spot?: unknown;
		minutes?: unknown;
	}[];
	export default index;
}
