// `npm run build:cli` (also run by `prepare` on npm install): bundles the bin into one ESM file,
// so `npx event-loop-lab` starts in plain Node without compiling TypeScript on every run.
import { build, type Plugin } from 'esbuild';
import { chmodSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `import text from './x.py?raw'` (as Vite does): the file's text as the default export. */
const rawText: Plugin = {
	name: 'raw-text',
	setup(b) {
		b.onResolve({ filter: /\?raw$/ }, (args) => ({
			path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
			namespace: 'raw-text'
		}));
		b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
			contents: await readFile(args.path, 'utf8'),
			loader: 'text'
		}));
	}
};

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
		// Pyodide finds its wasm and stdlib beside its own module: it stays in node_modules.
		external: ['pyodide'],
		plugins: [rawText],
		logLevel: 'warning'
	});
	// npx runs the bin as a program, not through node; npm only marks the bins it links.
	chmodSync(BIN, 0o755);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildBin();
