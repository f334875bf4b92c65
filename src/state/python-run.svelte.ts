import { CPythonStopped } from '../exact/cpython-bridge';
import type { PythonOutput, PythonRun } from '../exact/index';
import type { LoadProgress } from '../exact/load-progress';
import { pageCPython } from './exact-run.svelte';
import {
	idlePython,
	pythonBusy,
	pythonStep,
	type PythonEvent,
	type PythonState
} from './python-run-state';
import type { Stage } from './stage';
import { sessionStage, TraceSession } from './trace-session.svelte';
import { variantRunOf, type VariantRun } from './variant-run';

/** What the Python tab needs of the CPython bridge (tests give a double). */
export interface PythonEngine {
	readonly warm: boolean;
	runPython(
		source: string,
		progress: (p: LoadProgress) => void,
		onOutput: (output: PythonOutput[]) => void
	): Promise<PythonRun>;
	/** Ends the worker (and the program in it). */
	dispose(): void;
}

/**
 * The playground's Python tab: runs the learner's program on the page's CPython (the one
 * Run on CPython uses), keeps its output and errors, and steps through the loop's run of it
 * one trace event at a time, as the playground steps through a scenario's.
 */
export class PythonRunSession extends TraceSession {
	state: PythonState = $state.raw(idlePython);

	readonly run: VariantRun | null = $derived.by(() => {
		const r = this.state.run;
		return r?.run && r.scenario
			? variantRunOf('python', 'Your Python', r.scenario, r.run.result)
			: null;
	});
	readonly stage: Stage | null = $derived(
		this.run ? sessionStage(this, this.run, () => (this.run ? [this.run] : [])) : null
	);

	constructor(private readonly engine: PythonEngine = pageCPython()) {
		super(1);
	}

	get warm(): boolean {
		return this.engine.warm;
	}

	/** Runs `source` on CPython (loading it first if needed); one run at a time. */
	start(source: string): void {
		if (pythonBusy(this.state)) return;
		this.send({ type: 'start', source });
		this.engine
			.runPython(
				source,
				(progress) => this.send({ type: 'progress', progress }),
				(output) => this.send({ type: 'output', output })
			)
			.then(
				(run) => {
					this.send({ type: 'result', run });
					this.moment = null;
					this.fitSteps();
					this.goTo(0);
				},
				(e: unknown) => {
					// Stop already said what happened.
					if (e instanceof CPythonStopped) return;
					this.send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
				}
			);
	}

	/** Ends a run under way for real: the worker is terminated, so even `while True: pass` stops. */
	stop(): void {
		if (!pythonBusy(this.state)) return;
		this.engine.dispose();
		this.send({ type: 'stopped' });
	}

	private send(event: PythonEvent): void {
		this.state = pythonStep(this.state, event);
	}
}
