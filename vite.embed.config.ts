import { defineConfig } from 'vite';
import lab from './vite.config';

// The embed (embed.html), built on its own into dist/ after the lab: a docs page's iframe then
// downloads only what the embed uses, not the Svelte runtime and the chunks it would share with
// the lab's other pages (about 4 KB gzip less first JS for each of the two).
export default defineConfig({
	...lab,
	build: {
		...lab.build,
		emptyOutDir: false,
		copyPublicDir: false,
		rollupOptions: { input: { embed: 'embed.html' } }
	}
});
