// The playground's Python tab: the learner's own asyncio code on CPython's loop (see
// src/exact/python/lab_python.py for how it starts, and lab.py for the helper module).
import type { PyodideInterface } from 'pyodide';
import { firstWake, selectSleepMs, threadsMayStart, type Scenario } from '../../simulations/index';
import { installLab, toResult, type ExactRun, type PyRecords } from './run-exact';

/** Where the learner's code failed: the line of main.py, and the Python traceback. */
export interface PythonError {
	line: number | null;
	text: string;
	/** The request (or asyncio.run's main) whose task raised; absent for the module itself. */
	request?: string;
}

/** One write to stdout or stderr, at the virtual time it happened (ms). */
export interface PythonOutput {
	atMs: number;
	stream: 'stdout' | 'stderr';
	text: string;
}

/** A run of the learner's code: its output and tracebacks, and the loop's run if it started one. */
export interface PythonRun {
	/** result@1 of what `asyncio.run()` (or the declared requests) ran; null if nothing did. */
	run: ExactRun | null;
	/** The scenario@1 the run stands for (its requests, its runtime), to draw it; null with `run`. */
	scenario: Scenario | null;
	errors: PythonError[];
	output: PythonOutput[];
}

/** The file name CPython gives the learner's code in its tracebacks. */
export const PYTHON_FILE = 'main.py';

type PyRun = (
	source: string,
	selectSleep: (ms: number) => number,
	mayStart: (nowMs: number) => boolean,
	wake: (startMs: number, everyMs: number) => { dueMs: number; markMs: number },
	record: boolean,
	send: ((chunks: string) => void) | undefined
) => string;

type Chunk = [number, 'stdout' | 'stderr', string];

/** What lab_python.run returns, as JSON. */
interface PyProgram {
	run: PyRecords | null;
	scenario: Scenario | null;
	errors: PythonError[];
	output: Chunk[];
}

const toOutput = (chunks: Chunk[]): PythonOutput[] =>
	chunks.map(([atMs, stream, text]) => ({ atMs, stream, text }));

/**
 * Runs the learner's Python on CPython's loop in virtual time: `asyncio.run(main())` as written,
 * or the requests `import lab` declares. `onOutput` hears what it prints while it runs.
 */
export async function runExactPython(
	py: PyodideInterface,
	source: string,
	options: { trace?: boolean; onOutput?: (output: PythonOutput[]) => void } = {}
): Promise<PythonRun> {
	installLab(py);
	const run = py.pyimport('lab_python').run as PyRun;
	const onOutput = options.onOutput;
	// The same rules as a scenario's run: epoll lateness, CPython's default pool, firstWake.
	const text = run(
		source,
		(ms) => selectSleepMs(ms, 'epoll'),
		(nowMs) => threadsMayStart({ threads: 6 } as Scenario['runtime'], nowMs),
		(startMs, everyMs) => firstWake(startMs, everyMs),
		options.trace === true,
		// It returns nothing: a returned Promise (comlink's) would make Pyodide wrap it in a Future
		// on its own loop, which the lab refuses.
		onOutput ? (chunks) => void onOutput(toOutput(JSON.parse(chunks) as Chunk[])) : undefined
	);
	const out = JSON.parse(text) as PyProgram;
	const ran = out.run && out.scenario ? { records: out.run, scenario: out.scenario } : null;
	return {
		run: ran && {
			result: toResult(ran.scenario, ran.records, options.trace === true),
			ranAsCPython: [
				'your code, as written',
				'event loop (_run_once)',
				'asyncio Tasks and Futures'
			],
			modelled: [
				'the clock (virtual time): time.sleep, lab.cpu and lab.io move it',
				...(ran.scenario.runtime.host === 'loop'
					? ['the network (lab.request / lab.arrivals arrive as selector events)']
					: [])
			]
		},
		scenario: ran?.scenario ?? null,
		errors: out.errors,
		output: toOutput(out.output)
	};
}
