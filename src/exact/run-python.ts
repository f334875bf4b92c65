// The playground's Python tab: the learner's own asyncio code on CPython's loop (see
// src/exact/python/lab.py for the helper module it imports).
import type { PyodideInterface } from 'pyodide';
import { firstWake, selectSleepMs, threadsMayStart, type Scenario } from '../../simulations/index';
import { installLab, toResult, type ExactRun, type PyRecords } from './run-exact';

/** Where the learner's code failed: the line of main.py, and the Python traceback. */
export interface PythonError {
	line: number | null;
	text: string;
	/** The request whose handler raised (absent for an error while the module loads). */
	request?: string;
}

/** A run of the learner's code: an ExactRun, and the tracebacks of the handlers that raised. */
export interface PythonRun extends ExactRun {
	errors: PythonError[];
}

/** The learner's module could not even load (a syntax error, a raise at module level). */
export class PythonSourceError extends Error {
	constructor(readonly error: PythonError) {
		super(error.line === null ? error.text : `main.py, line ${error.line}: ${error.text}`);
		this.name = 'PythonSourceError';
	}
}

type PyRun = (
	source: string,
	selectSleep: (ms: number) => number,
	mayStart: (nowMs: number) => boolean,
	wake: (startMs: number, everyMs: number) => { dueMs: number; markMs: number },
	record: boolean
) => string;

/**
 * Runs the learner's Python (`import lab` declares requests, heartbeat, lag monitor, debug
 * mode) on CPython's loop in virtual time; throws `PythonSourceError` when the module cannot load.
 */
export async function runExactPython(
	py: PyodideInterface,
	source: string,
	options: { trace?: boolean } = {}
): Promise<PythonRun> {
	installLab(py);
	const run = py.pyimport('lab_python').run as PyRun;
	// The same rules as a scenario's run: epoll lateness, CPython's default pool, firstWake.
	const text = run(
		source,
		(ms) => selectSleepMs(ms, 'epoll'),
		(nowMs) => threadsMayStart({ threads: 6 } as Scenario['runtime'], nowMs),
		(startMs, everyMs) => firstWake(startMs, everyMs),
		options.trace === true
	);
	const out = JSON.parse(text) as
		{ sourceError: PythonError } | (PyRecords & { scenario: Scenario; errors: PythonError[] });
	if ('sourceError' in out) throw new PythonSourceError(out.sourceError);
	return {
		result: toResult(out.scenario, out, options.trace === true),
		ranAsCPython: ['your code, as written', 'event loop (_run_once)', 'asyncio Tasks and Futures'],
		modelled: [
			'the clock (virtual time): time.sleep, lab.cpu and lab.io move it',
			'the network (lab.request / lab.arrivals arrive as selector events)'
		],
		errors: out.errors
	};
}
