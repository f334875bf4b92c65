// Runs a scenario on CPython's own event loop (Pyodide) and returns result@1, built by the
// engine's own rules (assembleResult, lagSample, stopReason…). No Node API: the browser worker
// calls this with its Pyodide too.
import type { PyodideInterface } from 'pyodide';
import {
	assembleResult,
	firstWake,
	lagSample,
	selectSleepMs,
	threadsMayStart,
	type Scenario,
	type SimResult,
	type TraceEvent
} from '../../simulations/index';
import { describeParts } from './parts';
import { PYTHON_SOURCES } from './python-sources';
import { endRecords, type PyHung } from './hung-reason';

/** A run on CPython: result@1, and which parts of it CPython ran and which the lab modelled. */
export interface ExactRun {
	result: SimResult;
	/** What ran as CPython's own code, in words ("event loop (_run_once)", "asyncio.Lock", …). */
	ranAsCPython: string[];
	/** What the lab modelled around it ("thread pool (virtual threads)", "the GIL", …); empty if nothing. */
	modelled: string[];
}

/** Where the lab's Python lives inside Pyodide's file system. */
const LAB_DIR = '/lab';
const installed = new WeakSet<PyodideInterface>();

/** What the Python side returns for a run (times in ms, unrounded). */
export interface PyRecords {
	endMs: number;
	hung: PyHung | null;
	requests: SimResult['requests'];
	heartbeats: number[];
	lag: [number, number, number][];
	warnings: SimResult['warnings'];
	trace: Omit<TraceEvent, 'seq'>[];
}

/**
 * Runs a validated scenario through CPython's `BaseEventLoop._run_once` under a virtual clock.
 */
export async function runExact(
	py: PyodideInterface,
	scenario: Scenario,
	options: { trace?: boolean } = {}
): Promise<ExactRun> {
	installLab(py);
	const doc = {
		...scenario,
		background: scenario.background.map((b) => ({ ...b, ...firstWake(b.startMs, b.everyMs) }))
	};
	const rt = scenario.runtime;
	// The rulebook's functions the Python side calls, so that no rule is copied there.
	const selectSleep = (ms: number) => selectSleepMs(ms, rt.timerLateness);
	const mayStart = (nowMs: number) => threadsMayStart(rt, nowMs);
	const run = py.pyimport('lab_scenario').run as (
		doc: string,
		selectSleep: (timeoutMs: number) => number,
		mayStart: (nowMs: number) => boolean,
		record: boolean
	) => string;
	const text = run(JSON.stringify(doc), selectSleep, mayStart, options.trace === true);
	const records = JSON.parse(text) as PyRecords;
	const result = toResult(scenario, records, options.trace === true);
	return { result, ...describeParts(scenario) };
}

/** Writes the lab's Python modules into this Pyodide (once) and puts them on its path. */
export function installLab(py: PyodideInterface): void {
	if (installed.has(py)) return;
	py.FS.mkdirTree(LAB_DIR);
	for (const [name, text] of Object.entries(PYTHON_SOURCES))
		py.FS.writeFile(`${LAB_DIR}/${name}`, text);
	py.runPython(`import sys\nif '${LAB_DIR}' not in sys.path: sys.path.insert(0, '${LAB_DIR}')`);
	installed.add(py);
}

/** result@1 of the records a Python run returned, by the rulebook's assembleResult. */
export function toResult(scenario: Scenario, records: PyRecords, withTrace: boolean): SimResult {
	const end = records.hung
		? endRecords(scenario, records.hung, records.requests)
		: { hung: null, stopped: null };
	const result = assembleResult(scenario, {
		endMs: records.endMs,
		hung: end.hung,
		stopped: end.stopped,
		requests: records.requests,
		heartbeats: records.heartbeats,
		lag: records.lag.map(([now, mark, every]) => lagSample(now, mark, every)),
		warnings: records.warnings
	});
	if (withTrace) result.trace = finishTrace(records, result);
	return result;
}

/** Numbers the events, turns raw lag samples into the rulebook's, and closes the run. */
function finishTrace(
	records: PyRecords,
	{ hung, stopped, outcome }: Pick<SimResult, 'hung' | 'stopped' | 'outcome'>
): TraceEvent[] {
	const body = records.trace.map((e) => {
		if (e.type !== 'lag') return e;
		const [now, mark, every] = (e.detail as unknown as { sample: [number, number, number] }).sample;
		return { ...e, detail: { lagMs: lagSample(now, mark, every).lagMs } };
	}) as Omit<TraceEvent, 'seq'>[];
	const t = records.endMs;
	if (hung) body.push({ t, actor: 'run', type: 'hung', detail: { reason: hung.reason } });
	if (stopped) {
		const detail = { why: stopped.why, reason: stopped.reason };
		body.push({ t, actor: 'run', type: 'stopped', detail });
	}
	body.push({ t, actor: 'run', type: 'end', detail: { outcome } });
	return body.map((e, seq) => ({ ...e, seq }) as TraceEvent);
}
