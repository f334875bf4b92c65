import * as Comlink from 'comlink';
import runtimeFiles from 'virtual:pyodide-files';
import type { Scenario } from '../../simulations/index';
import { whenReady } from '../runtime/ready';
import type { CPythonApi } from './cpython-api';
import type { LoadProgress } from './load-progress';
import { PYODIDE_DIR } from './pyodide-files';
import type { ExactRun, PythonOutput, PythonRun } from './index';

/** A scenario runs in virtual time (milliseconds of wall time); this long means it is stuck. */
const RUN_TIMEOUT_MS = 60_000;
/** Loading is seconds on a fast machine; this long means it will not finish. */
const LOAD_TIMEOUT_MS = 180_000;

/** What a run under way rejects with when the worker is ended (Stop, or a failed load). */
export class CPythonStopped extends Error {
	constructor() {
		super('The CPython worker was ended before the run finished.');
		this.name = 'CPythonStopped';
	}
}

/** Raised when the worker took too long: it is ended, and the next run starts afresh. */
class Timeout extends Error {}

/**
 * The one place that owns the CPython worker: it starts it when first asked, loads Pyodide from
 * the site's own `pyodide/` folder (beside the page, so any sub-folder works), keeps it warm for
 * the page's life, and ends it when loading fails or a run does not come back.
 */
export class CPythonBridge {
	private worker: Worker | null = null;
	private api: Promise<Comlink.Remote<CPythonApi>> | null = null;
	private loaded = false;
	/** Ends each run under way when the worker goes. */
	private readonly ending = new Set<(e: Error) => void>();

	/** True once CPython has loaded: later runs start at once. */
	get warm(): boolean {
		return this.loaded;
	}

	/** Pyodide's version and the size of what loading it downloads. */
	get runtime(): { version: string; bytes: number } {
		return {
			version: runtimeFiles.version,
			bytes: runtimeFiles.files.reduce((a, f) => a + f.bytes, 0)
		};
	}

	/** Loads CPython if needed (reporting progress), then runs the scenario on it. */
	async run(scenario: Scenario, progress: (p: LoadProgress) => void): Promise<ExactRun> {
		const api = await this.ready(progress);
		return this.limitedRun(api.run(scenario));
	}

	/**
	 * Loads CPython if needed, then runs the learner's Python (main.py) on it; `onOutput` hears
	 * what it prints while it runs. `dispose()` is how a program that never ends is stopped.
	 */
	async runPython(
		source: string,
		progress: (p: LoadProgress) => void,
		onOutput: (output: PythonOutput[]) => void
	): Promise<PythonRun> {
		const api = await this.ready(progress);
		return this.limitedRun(api.runPython(source, Comlink.proxy(onOutput)));
	}

	/** The worker's API with CPython loaded (reporting progress), then the phase `running`. */
	private async ready(progress: (p: LoadProgress) => void): Promise<Comlink.Remote<CPythonApi>> {
		const api = await this.untilDisposed(this.start());
		if (!this.loaded) {
			const sizes = Object.fromEntries(runtimeFiles.files.map((f) => [f.name, f.bytes]));
			const indexURL = new URL(`${PYODIDE_DIR}/`, document.baseURI).href;
			try {
				const load = api.load({ indexURL, sizes }, Comlink.proxy(progress));
				await limited(this.untilDisposed(load), LOAD_TIMEOUT_MS);
			} catch (e) {
				if (e instanceof CPythonStopped) throw e;
				// A failed load leaves Python in an unknown state: the next try starts afresh.
				this.dispose();
				throw e instanceof Timeout
					? new Error('CPython did not finish loading in 3 minutes.', { cause: e })
					: e;
			}
			this.loaded = true;
		}
		const bytes = this.runtime.bytes;
		progress({ phase: 'running', loaded: bytes, total: bytes });
		return api;
	}

	/** The run, or an error after a minute (the worker is then ended) or when it is ended. */
	private async limitedRun<T>(work: Promise<T>): Promise<T> {
		try {
			return await limited(this.untilDisposed(work), RUN_TIMEOUT_MS);
		} catch (e) {
			// A run CPython mode cannot do rejects with its reason and the worker stays warm.
			if (!(e instanceof Timeout)) throw e;
			this.dispose();
			throw new Error('CPython did not finish the run in a minute; it was stopped.', { cause: e });
		}
	}

	/** The work, or CPythonStopped as soon as `dispose()` ends the worker (which never answers). */
	private async untilDisposed<T>(work: Promise<T>): Promise<T> {
		let end: (e: Error) => void = () => {};
		const ended = new Promise<never>((_, reject) => this.ending.add((end = reject)));
		try {
			return await Promise.race([work, ended]);
		} finally {
			this.ending.delete(end);
		}
	}

	/** Ends the worker; the next run starts a new one (a cold start again). */
	dispose(): void {
		for (const end of this.ending) end(new CPythonStopped());
		this.ending.clear();
		this.worker?.terminate();
		this.worker = null;
		this.api = null;
		this.loaded = false;
	}

	private start(): Promise<Comlink.Remote<CPythonApi>> {
		if (!this.api) {
			const worker = new Worker(new URL('./cpython.worker.ts', import.meta.url), {
				type: 'module'
			});
			this.worker = worker;
			this.api = new Promise((resolve, reject) => {
				worker.addEventListener('error', (e) => {
					this.dispose();
					reject(new Error(`The CPython worker failed to start: ${e.message || 'script error'}.`));
				});
				whenReady(worker).then(() => resolve(Comlink.wrap<CPythonApi>(worker)));
			});
		}
		return this.api;
	}
}

/** The work, or a Timeout after `ms`. */
function limited<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>(
		(_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms))
	);
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
