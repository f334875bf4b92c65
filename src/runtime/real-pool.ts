import { IdleSemaphorePool, type NoThread, type SubmitOutcome } from '../../simulations/index';
import type { RuntimeEnv } from './env';

interface Item {
	work: 'cpu' | 'block';
	ms: number;
	done: () => void;
	/** Left queued by a refused submit (F20): a worker may run it again, and nobody awaits it. */
	orphan: boolean;
}

/** A submit's outcome; for `token`, `start` and `queued`, the promise of the awaited result. */
export type RealSubmit =
	| { outcome: Extract<SubmitOutcome, 'token' | 'start' | 'queued'>; result: Promise<void> }
	| { outcome: 'raise' }
	| { outcome: 'inline' };

/**
 * The default executor on real pool workers, deciding as the engine does through the rulebook's
 * `IdleSemaphorePool`: worker `w` takes the head of the queue, runs it with `env.offload`, and on
 * finishing (on the worker's side) releases a token and takes the next item, an orphan included.
 */
export function createRealPool(
	threads: number,
	started: number,
	env: RuntimeEnv,
	idle: () => void,
	/** The host lets a new thread start now (the rulebook's `threadsMayStart`). */
	mayStart: () => boolean = () => true
) {
	const model = new IdleSemaphorePool<Item, number>(
		threads,
		Array.from({ length: started }, (_, i) => i)
	);
	const work = (w: number): void => {
		const item = model.take(w);
		if (!item) return idle();
		const result = env.offload(item.work, item.ms, () => {
			model.finished();
			work(w);
		});
		if (!item.orphan) void result.then(item.done);
	};
	return {
		submit(kind: 'cpu' | 'block', ms: number, noThread: NoThread): RealSubmit {
			let done = () => {};
			const result = new Promise<void>((resolve) => (done = resolve));
			const item: Item = { work: kind, ms, done, orphan: false };
			const { outcome, woken } = model.submit(item, noThread, mayStart());
			if (woken !== null) work(woken);
			if (outcome === 'start') work(model.threads - 1);
			if (outcome !== 'raise' && outcome !== 'inline') return { outcome, result };
			item.orphan = true;
			return { outcome };
		},
		/** No thread is working and nothing queued could still run. */
		quiet: () => model.busy === 0 && model.runnable() === 0
	};
}
