import * as Comlink from 'comlink';
import type { Scenario, SimResult } from '../../simulations/index';
import type { Capabilities } from './env';
import { createGilBuffer } from './gil';
import { createMailbox } from './mailbox';
import type { PoolApi } from './pool-api';
import { whenReady } from './ready';
import type { RpcApi } from './rpc-api';
import { runDeadline } from './run-deadline';
import type { Reports, ServerApi } from './server-api';
import { unresponsive } from './unresponsive';

/** At most this many real pool workers: the machine has few cores and each worker is a thread. */
const MAX_POOL = 8;
/** A run that outlives its limit by this much has a blocked server worker: it is ended. */
const GRACE_MS = 2000;

export type RealOutcome = { kind: 'result'; result: SimResult } | { kind: 'stopped' };

/**
 * The one place that owns the real runtime's workers: for each run it creates the server
 * worker, the pool workers and (for rpc) the JSON-RPC worker, connects them, times the run out,
 * and terminates them all on Stop, which works even while a worker is blocked.
 */
export class RealRunner {
	private workers: Worker[] = [];
	private cancel: (() => void) | null = null;

	capabilities(): Capabilities {
		const isolated =
			globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
		return { isolated, block: isolated ? 'atomics' : 'busy', gil: isolated };
	}

	/** Runs a scenario for real; `gil` asks for the shared GIL (used only where shared memory exists). */
	async run(
		scenario: Scenario,
		gil: boolean,
		progress: (done: number, total: number) => void
	): Promise<RealOutcome> {
		this.stop();
		let note = '';
		// Stop races the whole run, worker start-up included; the time-out does not (run-deadline.ts).
		const stopped = new Promise<RealOutcome>(
			(resolve) => (this.cancel = () => resolve({ kind: 'stopped' }))
		);
		let expire = () => {};
		const timedOut = new Promise<RealOutcome>(
			(resolve) =>
				(expire = () => resolve({ kind: 'result', result: unresponsive(scenario, note) }))
		);
		const deadline = runDeadline(scenario.limitMs + GRACE_MS, expire);
		const finished = this.start(scenario, gil, deadline.arm, {
			progress,
			note: (text) => void (note = text),
			started: deadline.arm
		}).then((result): RealOutcome => ({ kind: 'result', result }));
		const outcome = await Promise.race([finished, stopped, timedOut]);
		deadline.clear();
		this.terminate();
		return outcome;
	}

	private async start(
		scenario: Scenario,
		gil: boolean,
		workersUp: () => void,
		reports: Reports
	): Promise<SimResult> {
		const { isolated } = this.capabilities();
		const gilBuffer = gil && isolated ? createGilBuffer() : null;
		const server = await this.spawn(
			new Worker(new URL('./server.worker.ts', import.meta.url), { type: 'module' })
		);
		const size = Math.min(
			MAX_POOL,
			Math.max(scenario.runtime.threads, scenario.runtime.threadsStarted)
		);
		const pool = await Promise.all(
			Array.from({ length: size }, async () => {
				const worker = await this.spawn(
					new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module' })
				);
				await Comlink.wrap<PoolApi>(worker).useGil(gilBuffer, scenario.runtime.switchIntervalMs);
				return this.connect(worker);
			})
		);
		const usesRpc = JSON.stringify(scenario.handlers).includes('"op":"rpc"');
		const rpc = usesRpc
			? await this.connect(
					await this.spawn(
						new Worker(new URL('./rpc.worker.ts', import.meta.url), { type: 'module' })
					)
				)
			: null;
		const mailbox = usesRpc && isolated ? createMailbox() : null;
		const ports = [...pool, ...(rpc ? [rpc] : [])];
		workersUp();
		return Comlink.wrap<ServerApi>(server).run(
			scenario,
			Comlink.transfer({ pool, gil: gilBuffer, rpc, mailbox }, ports),
			Comlink.proxy(reports)
		);
	}

	/** Ends any run at once: the workers are terminated, blocked or not. */
	stop(): void {
		this.cancel?.();
		this.cancel = null;
		this.terminate();
	}

	/** Returns a port on which the server worker can call this worker. */
	private async connect(worker: Worker): Promise<MessagePort> {
		const channel = new MessageChannel();
		await Comlink.wrap<PoolApi | RpcApi>(worker).connect(
			Comlink.transfer(channel.port1, [channel.port1])
		);
		return channel.port2;
	}

	/** Owns a worker from now on, and waits until it listens (earlier messages could be lost). */
	private async spawn(worker: Worker): Promise<Worker> {
		this.workers.push(worker);
		await whenReady(worker);
		return worker;
	}

	private terminate(): void {
		for (const w of this.workers) w.terminate();
		this.workers = [];
	}
}
