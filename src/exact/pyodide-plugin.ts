import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { PYODIDE_DIR, PYODIDE_FILES } from './pyodide-files';

const ID = 'virtual:pyodide-files';

const TYPES: Record<string, string> = {
	mjs: 'text/javascript',
	wasm: 'application/wasm',
	zip: 'application/zip',
	json: 'application/json'
};

/**
 * Serves Pyodide's runtime files from node_modules in dev and copies them into the build (they
 * are never committed), and offers `virtual:pyodide-files`: the package's version and each
 * file's size, which the loader's progress counts against.
 */
export function pyodideFiles(): Plugin {
	const folder = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
	const files = PYODIDE_FILES.map((name) => ({
		name,
		bytes: statSync(join(folder, name)).size
	}));
	const version = (
		JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
	return {
		name: 'pyodide-files',
		config: () => ({ optimizeDeps: { exclude: ['pyodide'] } }),
		resolveId: (id) => (id === ID ? `\0${ID}` : null),
		load: (id) =>
			id === `\0${ID}` ? `export default ${JSON.stringify({ version, files })};` : null,
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const name = servedName(req.url ?? '');
				if (!name) return next();
				res.setHeader(
					'Content-Type',
					TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream'
				);
				res.setHeader('Content-Length', String(statSync(join(folder, name)).size));
				createReadStream(join(folder, name)).pipe(res);
			});
		},
		generateBundle() {
			for (const { name } of files)
				this.emitFile({
					type: 'asset',
					fileName: `${PYODIDE_DIR}/${name}`,
					source: readFileSync(join(folder, name))
				});
		}
	};
}

/** The runtime file a dev-server URL asks for (at any depth, as the site may sit in a sub-folder). */
function servedName(url: string): string | null {
	const path = url.split('?')[0];
	const name = path.split('/').pop() ?? '';
	const inDir = path.endsWith(`/${PYODIDE_DIR}/${name}`);
	return inDir && (PYODIDE_FILES as readonly string[]).includes(name) ? name : null;
}
