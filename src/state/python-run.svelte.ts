import { emptyFrame, type Frame, type TraceEvent } from '../../simulations/index';
import { anchorIndex } from '../content/anchor';
import { CPythonStopped } from '../exact/cpython-bridge';
import type { PythonOutput, PythonRun } from '../exact/index';
import type { LoadProgress } from '../exact/load-progress';
import { pageCPython } from './exact-run.svelte';
import { evenPlan } from './play-plan';
import { SteppedSession } from './player.svelte';
import { PLAYGROUND_STEP_MS } from './playground-session.svelte';
import {
	idlePython,
	pythonBusy,
	pythonStep,
	type PythonEvent,
	type PythonState
} from './python-run-state';
import type { Stage } from './stage';
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
export class PythonRunSession extends SteppedSession {
	state: PythonState = $state.raw(idlePython);
	/** A moment the learner scrubbed to (ms); null shows the step's own time. */
	moment: number | null = $state(null);

	readonly drawn: VariantRun | null = $derived.by(() => {
		const r = this.state.run;
		return r?.run && r.scenario
			? variantRunOf('python', 'Your Python', r.scenario, r.run.result)
			: null;
	});
	private readonly trace: readonly TraceEvent[] = $derived(this.drawn?.result.trace ?? []);
	readonly frame: Frame = $derived.by(() => {
		if (!this.drawn) return emptyFrame();
		return this.moment === null
			? this.drawn.framer.at(this.step)
			: this.drawn.framer.atTime(this.moment);
	});
	readonly stage: Stage | null = $derived(this.drawn ? pythonStage(this, this.drawn) : null);

	constructor(private readonly engine: PythonEngine = pageCPython()) {
		super({ count: 1, plan: evenPlan(PLAYGROUND_STEP_MS), speed: 1 });
	}

	get warm(): boolean {
		return this.engine.warm;
	}

	/** 0-based; within the run on show even before the player hears of a new run. */
	get step(): number {
		return Math.min(this.player.step, this.trace.length);
	}

	get current(): { t: number } {
		return { t: this.frame.t };
	}

	get time(): number {
		return this.cursor;
	}

	get cursor(): number {
		return this.frame.t;
	}

	/** The event the current step applied, or null before the first. */
	get event(): TraceEvent | null {
		return this.step > 0 ? this.trace[this.step - 1] : null;
	}

	protected stepped(): void {
		this.moment = null;
	}

	scrub(t: number): void {
		this.goTo(anchorIndex(this.trace, t));
		this.moment = t;
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
					this.player.send({ type: 'count', count: this.trace.length + 1 });
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

function pythonStage(session: PythonRunSession, run: VariantRun): Stage {
	return {
		shownRun: run,
		shownScenario: run.scenario,
		line: null,
		compared: [run],
		get frame() {
			return session.frame;
		},
		get cursor() {
			return session.cursor;
		},
		get moment() {
			return session.moment;
		},
		scrub: (t) => session.scrub(t)
	};
}
