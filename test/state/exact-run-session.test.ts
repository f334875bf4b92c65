import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../src/exact/load-progress';
import type { ExactRun } from '../../src/exact/run-exact';
import { ExactRunSession, type ExactEngine } from '../../src/state/exact-run.svelte';
import { simulate } from '../../simulations/index';
import { scenario } from '../simulations/build';

const s = scenario({ h: [{ op: 'block', ms: 100 }] }, [
	['r1', 0, 'h'],
	['r2', 0, 'h']
]);
const model = simulate(s, { trace: true });

/** An engine double: reports a download, then answers with `answer` (or fails). */
function engine(answer: () => Promise<ExactRun>): ExactEngine & { calls: number } {
	return {
		calls: 0,
		warm: false,
		async run(_s, progress: (p: LoadProgress) => void) {
			this.calls++;
			progress({ phase: 'downloading', loaded: 5, total: 10 });
			return answer();
		}
	};
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ExactRunSession', () => {
	it('start() loads with progress, then holds the run, its comparison and a drawable run', async () => {
		const e = engine(async () => ({ result: model, ranAsCPython: ['loop'], modelled: [] }));
		const session = new ExactRunSession(s, model, e);
		session.start();
		expect(session.state.status).toBe('loading');
		expect(session.state.progress?.loaded).toBe(5);
		session.start();
		expect(e.calls).toBe(1);
		await settle();
		expect(session.state.status).toBe('done');
		expect(session.state.comparison?.agree).toBe(true);
		expect(session.drawn?.label).toBe('CPython');
		expect(session.drawn).toBe(session.drawn);
	});

	it('a failure shows its message and nothing is drawn', async () => {
		const session = new ExactRunSession(
			s,
			model,
			engine(() => Promise.reject(new Error('The CPython worker failed to start: 404.')))
		);
		session.start();
		await settle();
		expect([session.state.status, session.state.failure]).toEqual([
			'failed',
			'The CPython worker failed to start: 404.'
		]);
		expect(session.drawn).toBeNull();
	});
});
