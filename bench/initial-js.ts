// Initial JavaScript of a page, gzipped: the entry script and the modules it preloads or imports
// statically (what the browser fetches before anything is clicked). Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';

function staticImports(file: string, seen: Set<string>): void {
	if (seen.has(file)) return;
	seen.add(file);
	const code = readFileSync(join(DIST, file), 'utf8');
	// Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
	for (const m of code.matchAll(
		/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["'](\.\/[^"']+\.js)["']/g
	)) {
		staticImports(join('assets', m[1].slice(2)), seen);
	}
}

/** The initial JS of `dist/<page>`: gzipped KB and how many files it is. */
export function initialJs(page: string): { kb: number; files: number } {
	const html = readFileSync(join(DIST, page), 'utf8');
	const files = new Set<string>();
	for (const m of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g))
		staticImports(m[1], files);
	const bytes = [...files].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0);
	return { kb: bytes / 1024, files: files.size };
}
