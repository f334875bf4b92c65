import type { Scenario, SimResult } from '../../simulations/index';
import type { Capabilities } from '../runtime/env';
import { whyNotReal } from '../runtime/interpreter';
import { RealRunner } from '../runtime/bridge';
import { ActorState } from './actor-state.svelte';
import { realRunMachine, type RealRun, type RunnerLogic } from './real-run-machine';
import { workerRunner } from './worker-runner';

export type { RealRun };

/** A runtime that can run scenarios for real: what the browser allows, and its runner. */
export interface Runtime {
	capabilities(): Capabilities;
	runner: RunnerLogic;
}

/** The Web Worker runtime, with a bridge of its own. */
export function workerRuntime(): Runtime {
	const bridge = new RealRunner();
	return { capabilities: () => bridge.capabilities(), runner: workerRunner(bridge) };
}

/** Real runs of one scenario: the real-run machine as an actor, for the Run for real panel. */
export class RealRunSession extends ActorState<typeof realRunMachine> {
	constructor(
		readonly scenario: Scenario,
		readonly predicted: SimResult,
		private readonly runtime: Runtime = workerRuntime()
	) {
		super(realRunMachine.provide({ actors: { runner: runtime.runner } }), {
			input: { scenario, predicted }
		});
	}

	/** idle, active, done, hung, stopped or failed. */
	get status(): string {
		const v = this.snapshot.value;
		return typeof v === 'string' ? v : 'active';
	}

	get running(): boolean {
		return this.snapshot.matches('active');
	}

	get done(): number {
		return this.snapshot.context.done;
	}

	get total(): number {
		return this.snapshot.context.total;
	}

	get failure(): string | null {
		return this.snapshot.context.failure;
	}

	get runs(): RealRun[] {
		return this.snapshot.context.runs;
	}

	/** GIL on (as in the scenario) or a free-threaded build; a real shared lock where allowed. */
	get gil(): boolean {
		return this.snapshot.context.gil;
	}

	set gil(on: boolean) {
		this.send({ type: 'gil', on });
	}

	/** Why this scenario cannot run for real in this browser, or null when it can. */
	get blocker(): string | null {
		return whyNotReal(this.scenario, this.runtime.capabilities().isolated);
	}

	get mode(): 'atomics' | 'busy' {
		return this.runtime.capabilities().block;
	}

	get gilPossible(): boolean {
		return this.runtime.capabilities().gil;
	}

	start(): void {
		this.send({ type: 'start' });
	}

	/** Ends a run in progress at once; finished runs stay. */
	stop(): void {
		this.send({ type: 'stop' });
	}
}
