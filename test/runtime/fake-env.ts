import type { RuntimeEnv } from '../../src/runtime/env';

type Source = 'loop' | 'thread' | 'threadsafe';

interface Timer {
	at: number;
	seq: number;
	fn: () => void;
	/**
	 * `loop`: a timer or I/O the loop wakes for; `thread`: runs on another thread, due even while
	 * the loop is busy; `threadsafe`: handed to the loop with call_soon_threadsafe, so it is in
	 * the ready queue ahead of whatever else fell due while the loop was busy.
	 */
	source: Source;
}

/**
 * A deterministic stand-in for the workers, with shared memory: virtual time that busy/block
 * advance and timers await. Pool workers are threads of their own: their bookkeeping runs at the
 * exact moment they finish, also while the loop is busy; their result reaches the loop
 * `poolLatency` ms later. The unsafe RPC hand-off leaves the response in a mailbox that the loop
 * reads only when it next runs a callback. Where a worker would block for good, the run stops
 * there and `blocked` says why (the bridge then reports).
 */
export function fakeEnv(poolLatency = 0) {
	let now = 0;
	let seq = 0;
	let serverFreeAt = 0;
	let blocked: string | null = null;
	const timers: Timer[] = [];
	const mailbox: (() => void)[] = [];
	const schedule = (ms: number, fn: () => void, source: Source = 'loop') => {
		timers.push({ at: now + ms, seq: seq++, fn, source });
		timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
	};
	// The loop thread is busy for `ms`: other threads finishing meanwhile do their part on time.
	const spend = (ms: number) => {
		const end = now + ms;
		const due = () => timers.find((x) => x.source === 'thread' && x.at <= end);
		for (let t = due(); t; t = due()) {
			timers.splice(timers.indexOf(t), 1);
			now = Math.max(now, t.at);
			t.fn();
		}
		now = end;
	};
	const env: RuntimeEnv = {
		now: () => now,
		after: (ms, fn) => schedule(ms, fn),
		busy: spend,
		block: spend,
		enter: () => {
			for (const deliver of mailbox.splice(0)) deliver();
		},
		offload: (_work, ms, finished) =>
			new Promise<void>((resolve) => {
				schedule(ms, finished, 'thread');
				schedule(ms + poolLatency, resolve, 'threadsafe');
			}),
		progress: () => {},
		// An in-order RPC server: each request is answered `ms` after the previous answer.
		rpcSend: (id, ms, handoff, deliver) => {
			serverFreeAt = Math.max(now, serverFreeAt) + ms;
			const at = serverFreeAt - now;
			if (handoff === 'unsafe') schedule(at, () => mailbox.push(() => deliver(id)), 'thread');
			else schedule(at, () => deliver(id), handoff === 'threadsafe' ? 'threadsafe' : 'loop');
		},
		blockForever: (why) => {
			blocked ??= why;
			throw new Error(`blocked for good: ${why}`);
		}
	};
	/** Runs timers in time order (ready thread-safe hand-offs first), letting promises settle after each. */
	async function drain(): Promise<void> {
		for (let i = 0; i < 100_000; i++) {
			await new Promise((r) => setImmediate(r));
			const ready = timers.findIndex((x) => x.source === 'threadsafe' && x.at <= now);
			const [t] = timers.splice(Math.max(ready, 0), 1);
			if (!t || blocked !== null) return;
			now = Math.max(now, t.at);
			t.fn();
		}
	}
	return { env, drain, blocked: () => blocked };
}
