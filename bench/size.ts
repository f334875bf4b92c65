// `npm run bench:size`: the JavaScript each page costs (page-js.ts) and the element's script,
// gzipped. `--strict`: exit 1 on a miss. The npm script builds first.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { inBrowser } from './in-browser';
import { reportPageJs } from './page-js';

if (!process.argv.includes('--no-build')) process.argv.push('--no-build');
await inBrowser(async (context, url) => {
	await reportPageJs(context, url);
	const element = gzipSync(readFileSync('dist/event-loop-lesson.js')).length / 1024;
	console.log(`event-loop-lesson.js: ${element.toFixed(1)} KB gzip`);
});
