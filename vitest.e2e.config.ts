import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against the built site, one file at a time (2 cores).
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.e2e.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
