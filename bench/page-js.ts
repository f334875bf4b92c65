// The JavaScript each page with a lesson costs, gzipped, against its limit: what its HTML imports
// statically, and what a first visit really downloads in Chromium (fetched-js.ts), before the
// page is ready to read and in all once the network is quiet. Printed by bench:size and bench:browser.
import type { BrowserContext } from 'playwright-core';
import { fetchedJs, type Fetched } from './fetched-js';
import { initialJs } from './initial-js';
import { report } from './report';

/** Each page with a lesson, and its limit in KB gzip. */
const PAGES = [
	{ page: 'embed.html', query: 'embed.html?lesson=restaurant', limit: 90 },
	{ page: 'index.html', query: '?lesson=restaurant', limit: 120 }
];

const listed = (files: Fetched['files']) =>
	files.map((f) => `${f.name.replace(/-[\w-]{8}\.js$/, '')} ${f.kb.toFixed(1)}`).join(', ');

export async function reportPageJs(context: BrowserContext, url: string): Promise<void> {
	for (const { page, query, limit } of PAGES) {
		const { kb, files } = initialJs(page);
		console.log(`${page}: JS its HTML imports statically ${kb.toFixed(1)} KB gzip, ${files} files`);
		const { ready, visit } = await fetchedJs(context, `${url}${query}`);
		const after = visit.files.filter((f) => !ready.files.some((r) => r.name === f.name));
		report(
			`${query}: JS fetched before it is ready to read, gzip`,
			ready.kb,
			limit,
			' KB',
			`${ready.files.length} files; largest: ${listed(ready.files.slice(0, 6))}`
		);
		report(
			`${query}: JS a first visit downloads in all, gzip`,
			visit.kb,
			limit,
			' KB',
			`${visit.files.length} files; after ready: ${listed(after) || 'none'}`
		);
	}
}
