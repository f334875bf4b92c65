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

declare module 'virtual:pyodide-files' {
	/** Pyodide's version and the runtime files the site serves (see src/exact/pyodide-plugin.ts). */
	const files: { version: string; files: { name: string; bytes: number }[] };
	export default files;
}
