/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:lesson-index' {
	/** Every lesson folder's summary, in NN- order (see src/content/lesson-index-plugin.ts). */
	const index: import('./content/types').LessonSummary[];
	export default index;
}

declare module 'virtual:pyodide-files' {
	/** Pyodide's version and the runtime files the site serves (see src/exact/pyodide-plugin.ts). */
	const files: { version: string; files: { name: string; bytes: number }[] };
	export default files;
}
