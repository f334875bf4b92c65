import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { lessonIndex } from './src/content/lesson-index-plugin';
import { pyodideFiles } from './src/exact/pyodide-plugin';

// Cross-origin isolation gives the real runtime SharedArrayBuffer and Atomics.wait. Every page
// gets it but the Perfetto relay, which must keep a handle on the ui.perfetto.dev tab it opens
// (src/export/perfetto-handoff.ts).
const isolation = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};
const NOT_ISOLATED = /\/open-in-perfetto\.html$/;

function isolate(): Plugin {
	const headers: Connect.NextHandleFunction = (req, res, next) => {
		if (!NOT_ISOLATED.test((req.url ?? '').split(/[?#]/)[0]))
			for (const [name, value] of Object.entries(isolation)) res.setHeader(name, value);
		next();
	};
	return {
		name: 'cross-origin-isolation',
		configureServer: (server) => void server.middlewares.use(headers),
		configurePreviewServer: (server) => void server.middlewares.use(headers)
	};
}

export default defineConfig({
	base: './',
	plugins: [svelte(), lessonIndex(), pyodideFiles(), isolate()],
	worker: { format: 'es' },
	build: {
		// Every browser the lab runs in preloads modules itself: the polyfill would be first JS for none.
		modulePreload: { polyfill: false },
		rollupOptions: {
			// The lab; the embed that docs pages put in an iframe has its own build (vite.embed.config.ts).
			input: { main: 'index.html' }
		}
	}
});
