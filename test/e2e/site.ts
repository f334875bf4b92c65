import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';

/** One running preview of the site: its address and how to stop it. */
export interface Site {
	url: string;
	close: () => Promise<void>;
}

/**
 * Serves the built site (dist/) on a free loopback port: cross-origin isolated as configured, or
 * without the COOP/COEP headers (as inside a docs iframe) when `isolated` is false.
 */
export async function startPreview(
	isolated = true,
	headers: Record<string, string> = {}
): Promise<Site> {
	if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first');
	const server = await preview({
		configFile: isolated ? undefined : false,
		preview: { host: '127.0.0.1', port: 0, strictPort: false, headers },
		logLevel: 'silent'
	});
	const address = server.httpServer.address() as AddressInfo;
	return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
