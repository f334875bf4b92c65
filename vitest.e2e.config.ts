import { defineConfig } from 'vitest/config';

// End-to-end tests drive one Chromium (test/e2e/browser.ts says which) against the built site, one
// file at a time (2 cores). Timeouts only catch a real hang: a loaded machine may be 10x slower.
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.e2e.test.ts'],
		environment: 'node',
		globalSetup: ['test/e2e/global-setup.ts'],
		testTimeout: 900_000,
		hookTimeout: 300_000,
		expect: { poll: { timeout: 120_000 } },
		fileParallelism: false
	}
});
