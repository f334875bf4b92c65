// Initial JavaScript of each page, gzipped: the entry script and the modules it preloads or imports
// statically (what the browser fetches before anything is clicked). Needs `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const LIMITS: Record<string, number> = { 'embed.html': 90, 'index.html': 120 };

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

if (!existsSync(join(DIST, 'index.html'))) {
	console.error('dist/ is missing: run `npm run build` first');
	process.exit(2);
}
let over = false;
for (const [page, limit] of Object.entries(LIMITS)) {
	const html = readFileSync(join(DIST, page), 'utf8');
	const files = new Set<string>();
	for (const m of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g))
		staticImports(m[1], files);
	const kb =
		[...files].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0) / 1024;
	over ||= kb > limit;
	console.log(
		`${page}: initial JS ${kb.toFixed(1)} KB gzip (limit ${limit} KB), ${files.size} files`
	);
}
const element = gzipSync(readFileSync(join(DIST, 'event-loop-lesson.js'))).length / 1024;
console.log(`event-loop-lesson.js: ${element.toFixed(1)} KB gzip`);
process.exit(over ? 1 : 0);
