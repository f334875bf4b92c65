import * as Comlink from 'comlink';
import type { Scenario, SimResult } from '../../simulations/index';
import { SharedGil } from './gil';
import { runForReal } from './interpreter';
import { createDrain } from './mailbox';
import type { PoolApi } from './pool-api';
import type { RpcApi } from './rpc-api';
import { busy, makeBlock } from './spend';

/** How the bridge wired this run: pool ports, the shared GIL, the RPC worker and its mailbox. */
export interface Wiring {
	pool: MessagePort[];
	gil: SharedArrayBuffer | null;
	rpc: MessagePort | null;
	mailbox: SharedArrayBuffer | null;
}

/**
 * Reports from the run to the page: progress, a note left just before a thread blocks for good,
 * and the moment the loop starts the scenario's clock (the page's time-out counts from there).
 */
export interface Reports {
	progress: (done: number, total: number) => void;
	note: (text: string) => void;
	started: () => void;
}

/** The server's API: run a scenario on this thread's event loop, offloading to the pool ports. */
export function createServerApi() {
	const { block } = makeBlock();
	return {
		async run(scenario: Scenario, wiring: Wiring, reports: Reports): Promise<SimResult> {
			const gil = wiring.gil ? new SharedGil(wiring.gil, scenario.runtime.switchIntervalMs) : null;
			const pool = wiring.pool.map((p) => Comlink.wrap<PoolApi>(p));
			const rpc = wiring.rpc ? Comlink.wrap<RpcApi>(wiring.rpc) : null;
			const drain = wiring.mailbox ? createDrain(wiring.mailbox) : () => [];
			let deliverRpc: (id: number) => void = () => {};
			if (rpc)
				await rpc.attach(
					Comlink.proxy((id: number) => deliverRpc(id)),
					wiring.mailbox
				);
			const idle = [...pool.keys()];
			const waiting: ((i: number) => void)[] = [];
			const take = () =>
				new Promise<number>((resolve) => {
					const i = idle.shift();
					if (i === undefined) waiting.push(resolve);
					else resolve(i);
				});
			const give = (i: number) => {
				const next = waiting.shift();
				if (next) next(i);
				else idle.push(i);
			};
			const t0 = performance.now();
			void reports.started();
			return runForReal(scenario, {
				now: () => performance.now() - t0,
				after: (ms, fn) => void setTimeout(fn, ms),
				busy: (ms) => (gil ? gil.python(ms) : busy(ms)),
				enter: () => {
					gil?.python(0);
					// A response the reader thread left without waking the loop is found only now,
					// because the loop runs a callback for some other reason.
					for (const id of drain()) deliverRpc(id);
				},
				block,
				// The worker's result reaches this thread as a message, so a blocked loop learns of it late.
				offload: async (work, ms, finished) => {
					const i = await take();
					try {
						await pool[i].work(work, ms);
					} finally {
						give(i);
					}
					finished();
				},
				progress: (done, total) => void reports.progress(done, total),
				rpcSend: (id, ms, handoff, deliver) => {
					deliverRpc = deliver;
					void rpc?.send(id, ms, handoff);
				},
				blockForever: (why) => {
					void reports.note(why);
					for (;;) block(60_000);
				}
			});
		}
	};
}

export type ServerApi = ReturnType<typeof createServerApi>;
