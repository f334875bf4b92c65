import { defineConfig } from 'vite';

// The <event-loop-lesson> element as one self-contained script a docs page can include; it goes
// into dist/ beside embed.html, after the site's own build.
export default defineConfig({
	build: {
		emptyOutDir: false,
		copyPublicDir: false,
		lib: {
			entry: 'src/element/event-loop-lesson.ts',
			formats: ['es'],
			fileName: () => 'event-loop-lesson.js'
		}
	}
});
