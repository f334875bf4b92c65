import type { RuntimeEnv } from '../../src/runtime/env';

/** A deterministic stand-in for a worker: virtual time that busy/block advance and timers await. */
export function fakeEnv(poolLatency = 0) {
	let now = 0;
	let seq = 0;
	let serverFreeAt = 0;
	const timers: { at: number; seq: number; fn: () => void }[] = [];
	const after = (ms: number, fn: () => void) => {
		timers.push({ at: now + ms, seq: seq++, fn });
		timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
	};
	const env: RuntimeEnv = {
		now: () => now,
		after,
		busy: (ms) => void (now += ms),
		block: (ms) => void (now += ms),
		enter: () => {},
		offload: (_work, ms) => new Promise<void>((r) => after(ms + poolLatency, r)),
		progress: () => {},
		// An in-order RPC server: each request is answered `ms` after the previous answer.
		rpcSend: (id, ms, _handoff, deliver) => {
			serverFreeAt = Math.max(now, serverFreeAt) + ms;
			after(serverFreeAt - now, () => deliver(id));
		},
		blockForever: (why) => {
			throw new Error(`blocked for good: ${why}`);
		}
	};
	/** Runs timers in time order, letting promise callbacks settle after each. */
	async function drain(): Promise<void> {
		for (let i = 0; i < 100_000; i++) {
			await new Promise((r) => setImmediate(r));
			const t = timers.shift();
			if (!t) return;
			now = Math.max(now, t.at);
			t.fn();
		}
	}
	return { env, drain };
}
