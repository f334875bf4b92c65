// One CPython (Pyodide) per test file, and runs of scenario files on it.
import type { PyodideInterface } from 'pyodide';
import type { SimResult } from '../../simulations/index';
import { loadPyodideInNode } from '../../src/exact/load-node';
import { runExact, type ExactRun } from '../../src/exact/index';
import { loadScenario } from '../scenario-files';

let py: PyodideInterface | null = null;

/** Loads Pyodide once for the calling test file (call it in beforeAll). */
export async function startCPython(): Promise<PyodideInterface> {
	py ??= await loadPyodideInNode();
	return py;
}

/** Runs a scenario file (path without .json) on the loaded CPython. */
export async function exact(path: string, trace = false): Promise<ExactRun> {
	if (!py) throw new Error('call startCPython() in beforeAll first');
	return runExact(py, loadScenario(`${path}.json`), { trace });
}

/** The end times of a run's requests, in request order. */
export function ends(r: SimResult): (number | null)[] {
	return r.requests.map((q) => q.endMs);
}
