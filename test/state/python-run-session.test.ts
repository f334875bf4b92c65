import { describe, expect, it } from 'vitest';
import { CPythonStopped } from '../../src/exact/cpython-bridge';
import type { PythonOutput, PythonRun } from '../../src/exact/index';
import { PythonRunSession, type PythonEngine } from '../../src/state/python-run.svelte';
import { simulate } from '../../simulations/index';
import { scenario } from '../simulations/build';

const s = scenario({ main: [{ op: 'block', ms: 100 }] }, [['main', 0, 'main']]);
const result = simulate(s, { trace: true });
const RUN: PythonRun = {
	run: { result, ranAsCPython: ['your code'], modelled: [] },
	scenario: s,
	errors: [],
	output: [{ atMs: 100, stream: 'stdout', text: 'done\n' }]
};

/** An engine double: prints, then answers with `answer`; `dispose` ends a run under way. */
function engine(answer: () => Promise<PythonRun>) {
	let end: ((e: Error) => void) | null = null;
	const e: PythonEngine & { disposed: number } = {
		warm: true,
		disposed: 0,
		runPython(_source, progress, onOutput: (o: PythonOutput[]) => void) {
			progress({ phase: 'running', loaded: 1, total: 1 });
			onOutput([{ atMs: 0, stream: 'stdout', text: 'hello\n' }]);
			return new Promise((resolve, reject) => {
				end = reject;
				answer().then(resolve, reject);
			});
		},
		dispose() {
			e.disposed++;
			end?.(new CPythonStopped());
		}
	};
	return e;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PythonRunSession', () => {
	it('runs the program, hears its output, and steps through the loop’s run of it', async () => {
		const session = new PythonRunSession(engine(async () => RUN));
		session.start('print(1)');
		expect(session.state).toMatchObject({ status: 'running', source: 'print(1)' });
		expect(session.state.output.map((o) => o.text)).toEqual(['hello\n']);
		await settle();
		expect(session.state.status).toBe('done');
		expect(session.run?.label).toBe('Your Python');
		expect(session.count).toBe((result.trace?.length ?? 0) + 1);
		session.next();
		expect(session.event).toBe(result.trace?.[0]);
		session.scrub(100);
		expect(session.stage?.cursor).toBe(100);
	});

	it('Stop ends the worker for real and says so; the run never arriving is not a failure', async () => {
		const e = engine(() => new Promise<PythonRun>(() => {}));
		const session = new PythonRunSession(e);
		session.start('while True: pass');
		session.stop();
		await settle();
		expect(e.disposed).toBe(1);
		expect(session.state.status).toBe('stopped');
		expect(session.state.failure).toMatch(/^Stopped: the CPython worker was ended/);
		session.stop();
		expect(e.disposed).toBe(1);
	});

	it('a failure to load says why, and nothing is drawn', async () => {
		const session = new PythonRunSession(engine(() => Promise.reject(new Error('no wasm here'))));
		session.start('print(1)');
		await settle();
		expect(session.state).toMatchObject({ status: 'failed', failure: 'no wasm here' });
		expect(session.run).toBeNull();
	});
});
