import * as Comlink from 'comlink';
import type { Handoff } from '../../simulations/index';
import { dropInto } from './mailbox';

/**
 * The JSON-RPC server and the client's reader thread, in one worker: it answers requests in
 * order, `ms` each, then hands each response to the loop. `selector` and `threadsafe` post a
 * message, which wakes the loop's event loop; `unsafe` only writes into shared memory, as a
 * reader thread calling `fut.set_result` directly: nothing wakes the loop.
 */
export function createRpcApi() {
	let freeAt = 0;
	let deliver: ((id: number) => void) | null = null;
	let mailbox: SharedArrayBuffer | null = null;
	const api = {
		/** The server worker connects with a callback for responses and, if it has one, a mailbox. */
		attach(onResponse: (id: number) => void, box: SharedArrayBuffer | null): void {
			deliver = onResponse;
			mailbox = box;
		},
		send(id: number, ms: number, handoff: Handoff): void {
			const now = performance.now();
			freeAt = Math.max(now, freeAt) + ms;
			setTimeout(() => {
				if (handoff === 'unsafe' && mailbox) dropInto(mailbox, id);
				else deliver?.(id);
			}, freeAt - now);
		},
		connect(port: MessagePort): void {
			Comlink.expose(api, port);
		}
	};
	return api;
}

export type RpcApi = ReturnType<typeof createRpcApi>;
