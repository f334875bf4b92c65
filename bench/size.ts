// `npm run bench:size`: the initial JavaScript of each page, gzipped, against its limit.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initialJs } from './initial-js';

const LIMITS: Record<string, number> = { 'embed.html': 90, 'index.html': 120 };

if (!existsSync('dist/index.html')) {
	console.error('dist/ is missing: run `npm run build` first');
	process.exit(2);
}
let over = false;
for (const [page, limit] of Object.entries(LIMITS)) {
	const { kb, files } = initialJs(page);
	over ||= kb > limit;
	console.log(`${page}: initial JS ${kb.toFixed(1)} KB gzip (limit ${limit} KB), ${files} files`);
}
const element = gzipSync(readFileSync('dist/event-loop-lesson.js')).length / 1024;
console.log(`event-loop-lesson.js: ${element.toFixed(1)} KB gzip`);
process.exit(over ? 1 : 0);
