import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { lessonIndex } from './src/content/lesson-index-plugin';
import { pyodideFiles } from './src/exact/pyodide-plugin';

export default defineConfig({
	plugins: [svelte(), lessonIndex(), pyodideFiles()],
	test: {
		// The dom project has no tests until components compute something worth testing.
		passWithNoTests: true,
		// A time-out only catches a hang: two busy cores can make a 2 s test take 10 s or more.
		testTimeout: 300_000,
		hookTimeout: 300_000,
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
