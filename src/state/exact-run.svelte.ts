import type { Scenario, SimResult } from '../../simulations/index';
import { CPythonBridge } from '../exact/cpython-bridge';
import { compareRuns, type ExactRun } from '../exact/index';
import type { LoadProgress } from '../exact/load-progress';
import { exactStep, busy, idleExact, type ExactEvent, type ExactState } from './exact-run-state';
import { variantRunOf, type VariantRun } from './variant-run';

/** What a session needs of the CPython bridge (tests give a double). */
export interface ExactEngine {
	readonly warm: boolean;
	run(scenario: Scenario, progress: (p: LoadProgress) => void): Promise<ExactRun>;
}

let shared: CPythonBridge | null = null;
/** One CPython for the page: loaded on the first Run on CPython, warm after. */
export function pageCPython(): CPythonBridge {
	return (shared ??= new CPythonBridge());
}

/**
 * One scenario's runs on CPython (exact mode): loading progress, the latest run drawn as a
 * VariantRun for the stage, and how the model (`predicted`) compares with it.
 */
export class ExactRunSession {
	state: ExactState = $state.raw(idleExact);
	private made: { run: ExactRun; drawn: VariantRun } | null = null;

	constructor(
		readonly scenario: Scenario,
		readonly predicted: SimResult,
		private readonly engine: ExactEngine = pageCPython()
	) {}

	/** The latest CPython run, ready for every view of the stage (built once per run). */
	get drawn(): VariantRun | null {
		const run = this.state.run;
		if (!run) return null;
		if (this.made?.run !== run)
			this.made = { run, drawn: variantRunOf('cpython', 'CPython', this.scenario, run.result) };
		return this.made.drawn;
	}

	get warm(): boolean {
		return this.engine.warm;
	}

	/** Runs the scenario on CPython (loading it first if needed); a second start waits for the first. */
	start(): void {
		if (busy(this.state)) return;
		this.send({ type: 'start' });
		this.engine
			.run(this.scenario, (progress) => this.send({ type: 'progress', progress }))
			.then(
				(run) =>
					this.send({
						type: 'result',
						run,
						comparison: compareRuns(this.predicted, run.result, this.scenario)
					}),
				(e: unknown) =>
					this.send({ type: 'failed', message: e instanceof Error ? e.message : String(e) })
			);
	}

	/** Runs take milliseconds of wall time once loaded: one in progress finishes and stays. */
	stop(): void {}

	private send(event: ExactEvent): void {
		this.state = exactStep(this.state, event);
	}
}
