import type { PyodideInterface } from 'pyodide';
import type { Scenario } from '../../simulations/index';
import { ByteCounter, laterPhase, type LoadPhase, type LoadProgress } from './load-progress';
import type { ExactRun, PythonOutput, PythonRun } from './index';

/** What the CPython worker needs from outside: Pyodide's loader and the exact engine. */
export interface CPythonDeps {
	loadPyodide: (options: { indexURL: string }) => Promise<PyodideInterface>;
	runExact: (
		py: PyodideInterface,
		scenario: Scenario,
		options?: { trace?: boolean }
	) => Promise<ExactRun>;
	runPython: (
		py: PyodideInterface,
		source: string,
		options: { trace: boolean; onOutput: (output: PythonOutput[]) => void }
	) => Promise<PythonRun>;
	/** The fetch Pyodide uses; it is counted while loading. */
	scope?: { fetch: typeof globalThis.fetch };
}

/** Where the runtime is served and how big each file is (the page knows, the worker does not). */
export interface LoadRequest {
	indexURL: string;
	sizes: Record<string, number>;
}

/** The CPython worker's API: load Pyodide once (warm for the session), run scenarios on it. */
export interface CPythonApi {
	/** Loads CPython unless already loaded, reporting phase and bytes; resolves with its version. */
	load(request: LoadRequest, progress: (p: LoadProgress) => unknown): Promise<string>;
	/** Runs a scenario on CPython's own loop; `load` must have resolved. */
	run(scenario: Scenario): Promise<ExactRun>;
	/** Runs the learner's Python (main.py); `onOutput` hears what it prints as it prints it. */
	runPython(source: string, onOutput: (output: PythonOutput[]) => unknown): Promise<PythonRun>;
}

/** The API that cpython.worker.ts exposes; tests call it directly or over a MessageChannel. */
export function createCPythonApi(deps: CPythonDeps): CPythonApi {
	const scope = deps.scope ?? globalThis;
	let py: Promise<PyodideInterface> | null = null;
	const loaded = async () => {
		if (!py) throw new Error('CPython is not loaded yet.');
		return py;
	};
	return {
		async load(request, progress) {
			py ??= start(deps, scope, request, progress);
			try {
				return (await py).version;
			} catch (e) {
				py = null;
				throw e;
			}
		},
		async run(scenario) {
			return deps.runExact(await loaded(), scenario, { trace: true });
		},
		async runPython(source, onOutput) {
			return deps.runPython(await loaded(), source, { trace: true, onOutput });
		}
	};
}

async function start(
	deps: CPythonDeps,
	scope: { fetch: typeof globalThis.fetch },
	request: LoadRequest,
	progress: (p: LoadProgress) => unknown
): Promise<PyodideInterface> {
	let phase: LoadPhase = 'downloading';
	const counter = new ByteCounter(
		request.sizes,
		() => report(),
		// Streaming compilation finishes soon after the last byte of the wasm.
		(name) => name.endsWith('.wasm') && report('compiling')
	);
	// Over comlink each report is a message of its own: load resolves after all have arrived.
	const sent: unknown[] = [];
	let last: LoadProgress | null = null;
	const report = (next: LoadPhase = phase) => {
		phase = laterPhase(phase, next);
		const p = { phase, loaded: counter.loaded, total: counter.total };
		// A report per percent at most: each one redraws the indicator on the page.
		const step = p.total / 100;
		if (last && last.phase === p.phase && p.loaded - last.loaded < step && p.loaded < p.total)
			return;
		last = p;
		sent.push(progress(p));
	};
	await wasmAllowed();
	const fetch = scope.fetch;
	scope.fetch = counter.counted(fetch.bind(scope));
	report();
	try {
		const py = await deps.loadPyodide({ indexURL: request.indexURL });
		// Loaded means every file was read, the imported loader script included.
		for (const name of Object.keys(request.sizes)) counter.add(name);
		report('starting');
		await py.runPythonAsync('import asyncio, asyncio.selector_events');
		await Promise.all(sent);
		return py;
	} finally {
		scope.fetch = fetch;
	}
}

/** The smallest WebAssembly module: its magic number and version. */
const EMPTY_WASM = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

/**
 * Fails at once, saying why, where the page's Content-Security-Policy forbids compiling
 * WebAssembly: Pyodide itself only logs that and never settles.
 */
async function wasmAllowed(): Promise<void> {
	try {
		await WebAssembly.compile(EMPTY_WASM);
	} catch (e) {
		throw new Error(
			"this page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval' in script-src), so CPython cannot run here.",
			{ cause: e }
		);
	}
}
