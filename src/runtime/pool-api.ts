import * as Comlink from 'comlink';
import { SharedGil } from './gil';
import { busy, makeBlock } from './spend';

/** A real pool thread's API: run offloaded work, honouring the shared GIL when there is one. */
export function createPoolApi() {
	const { block } = makeBlock();
	let gil: SharedGil | null = null;
	const api = {
		work(kind: 'cpu' | 'block', ms: number): void {
			if (kind === 'block') block(ms);
			else if (gil) gil.python(ms);
			else busy(ms);
		},
		/** With a GIL buffer, CPU work takes turns with the server and the other pool workers. */
		useGil(buffer: SharedArrayBuffer | null, switchMs: number): void {
			gil = buffer ? new SharedGil(buffer, switchMs) : null;
		},
		/** The bridge hands over one end of a channel so the server worker can call this thread. */
		connect(port: MessagePort): void {
			Comlink.expose(api, port);
		}
	};
	return api;
}

export type PoolApi = ReturnType<typeof createPoolApi>;
