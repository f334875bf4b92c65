import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { lessonIndex } from './src/content/lesson-index-plugin';
import { pyodideFiles } from './src/exact/pyodide-plugin';

// Cross-origin isolation gives the real runtime SharedArrayBuffer and Atomics.wait.
const isolation = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};

export default defineConfig({
	base: './',
	plugins: [svelte(), lessonIndex(), pyodideFiles()],
	server: { headers: isolation },
	preview: { headers: isolation },
	worker: { format: 'es' },
	build: {
		rollupOptions: {
			// The lab, and the embed that docs pages put in an iframe.
			input: { main: 'index.html', embed: 'embed.html' }
		}
	}
});
