// `npm run build:cli` (also run by `prepare` on npm install): bundles the bin into one ESM file,
// so `npx event-loop-lab` starts in plain Node without compiling TypeScript on every run.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The compiled bin, as package.json's `bin` names it (git-ignored). */
export const BIN = 'dist-cli/event-loop-lab.js';

/** Bundles cli/event-loop-lab.ts and everything it imports into BIN. */
export async function buildBin(): Promise<void> {
	await build({
		entryPoints: ['cli/event-loop-lab.ts'],
		outfile: BIN,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		// jsonc-parser's `main` is UMD with dynamic requires; its ESM build bundles cleanly.
		mainFields: ['module', 'main'],
		banner: { js: '#!/usr/bin/env node' },
		logLevel: 'warning'
	});
	// npx runs the bin as a program, not through node; npm only marks the bins it links.
	chmodSync(BIN, 0o755);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildBin();
