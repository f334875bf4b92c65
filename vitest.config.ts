import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { lessonIndex } from './src/content/lesson-index-plugin';

export default defineConfig({
	plugins: [svelte(), lessonIndex()],
	test: {
		// The dom project has no tests until components compute something worth testing.
		passWithNoTests: true,
		// A timeout only catches a hang: a test of a few seconds must pass on a loaded machine too.
		testTimeout: 120_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['test/**/*.test.ts'],
					exclude: ['test/e2e/**', 'test/**/*.dom.test.ts']
				}
			},
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'dom',
					environment: 'happy-dom',
					include: ['test/**/*.dom.test.ts']
				}
			}
		]
	}
});
