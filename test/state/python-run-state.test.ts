import { describe, expect, it } from 'vitest';
import type { PythonRun } from '../../src/exact/index';
import {
	idlePython,
	outputLines,
	pythonBusy,
	pythonStep,
	STOPPED,
	type PythonEvent,
	type PythonState
} from '../../src/state/python-run-state';

const out = (atMs: number, text: string, stream: 'stdout' | 'stderr' = 'stdout') => ({
	atMs,
	stream,
	text
});
const RUN: PythonRun = { run: null, scenario: null, errors: [], output: [out(5, 'done\n')] };
const steps = (...events: PythonEvent[]): PythonState => events.reduce(pythonStep, idlePython);
const running = { phase: 'running' as const, loaded: 10, total: 10 };

describe('pythonStep(state, event)', () => {
	it('loads, runs, hears the output as it comes, and ends with the run’s own output', () => {
		const s = steps(
			{ type: 'start', source: 'print(1)' },
			{ type: 'progress', progress: { phase: 'downloading', loaded: 3, total: 10 } },
			{ type: 'progress', progress: running },
			{ type: 'output', output: [out(0, 'partial')] }
		);
		expect(s).toMatchObject({ status: 'running', source: 'print(1)', output: [out(0, 'partial')] });
		expect(pythonBusy(s)).toBe(true);
		expect(pythonStep(s, { type: 'result', run: RUN })).toMatchObject({
			status: 'done',
			run: RUN,
			output: RUN.output
		});
	});

	it('a late progress report never moves the phase back; a second start changes nothing', () => {
		const s = steps({ type: 'start', source: 'a' }, { type: 'progress', progress: running });
		const late = pythonStep(s, {
			type: 'progress',
			progress: { phase: 'compiling', loaded: 10, total: 10 }
		});
		expect(late.status).toBe('running');
		expect(pythonStep(s, { type: 'start', source: 'b' })).toBe(s);
	});

	it('Stop ends a run under way and says so; what arrives after it is ignored', () => {
		const s = steps({ type: 'start', source: 'while True: pass' }, { type: 'stopped' });
		expect(s).toMatchObject({ status: 'stopped', failure: STOPPED, run: null });
		expect(pythonStep(s, { type: 'result', run: RUN })).toBe(s);
		expect(pythonStep(s, { type: 'output', output: [out(0, 'x')] })).toBe(s);
		expect(pythonStep(idlePython, { type: 'stopped' })).toBe(idlePython);
	});

	it('a failure says why; the next start clears it, the old output and the old run', () => {
		const failed = steps({ type: 'start', source: 'a' }, { type: 'failed', message: 'no wasm' });
		expect(failed).toMatchObject({ status: 'failed', failure: 'no wasm' });
		expect(pythonStep(failed, { type: 'start', source: 'b' })).toMatchObject({
			status: 'loading',
			failure: null,
			output: []
		});
		const done = steps({ type: 'start', source: 'a' }, { type: 'result', run: RUN });
		expect(pythonStep(done, { type: 'start', source: 'b' }).run).toBeNull();
	});
});

describe('outputLines(output)', () => {
	it('one line per line printed, stamped with when it began, a stream each', () => {
		expect(
			outputLines([
				out(0, 'a'),
				out(0, ' b\nc\n'),
				out(7, 'd'),
				out(8, 'warn\n', 'stderr'),
				out(9, '\n'),
				out(10, '\n\n')
			])
		).toEqual([
			{ atMs: 0, stream: 'stdout', text: 'a b' },
			{ atMs: 0, stream: 'stdout', text: 'c' },
			{ atMs: 7, stream: 'stdout', text: 'd' },
			{ atMs: 8, stream: 'stderr', text: 'warn' },
			{ atMs: 9, stream: 'stdout', text: '' },
			{ atMs: 10, stream: 'stdout', text: '' },
			{ atMs: 10, stream: 'stdout', text: '' }
		]);
	});
});
