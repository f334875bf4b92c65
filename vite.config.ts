import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Cross-origin isolation gives the real runtime SharedArrayBuffer and Atomics.wait.
const isolation = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};

export default defineConfig({
	base: './',
	plugins: [svelte()],
	server: { headers: isolation },
	preview: { headers: isolation },
	worker: { format: 'es' }
});
