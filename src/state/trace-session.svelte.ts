import { emptyFrame, type Frame, type TraceEvent } from '../../simulations/index';
import { anchorIndex } from '../content/anchor';
import { evenPlan } from './play-plan';
import { SteppedSession, type PlayerOptions } from './player.svelte';
import { codeLines } from './running-line';
import type { Stage } from './stage';
import type { VariantRun } from './variant-run';

/** A playground event lasts this long at 1× speed while playing. */
export const PLAYGROUND_STEP_MS = 600;

/**
 * Steps through one traced run, a step per event of its trace (and one before the first), or
 * shows it at a scrubbed moment: the playground's scenario run and the Python tab's run.
 */
export abstract class TraceSession extends SteppedSession {
	/** A moment the user scrubbed to (ms); null shows the step's own time. */
	moment: number | null = $state(null);
	/** The run on show, if there is one. */
	abstract readonly run: VariantRun | null;
	protected readonly trace: readonly TraceEvent[] = $derived.by(() => this.run?.result.trace ?? []);
	/** After the step's events; at exactly the scrubbed moment when there is one. */
	readonly frame: Frame = $derived.by(() => {
		if (!this.run) return emptyFrame();
		return this.moment === null
			? this.run.framer.at(this.step)
			: this.run.framer.atTime(this.moment);
	});

	constructor(speed: number, frames?: PlayerOptions['frames']) {
		super({ count: 1, plan: evenPlan(PLAYGROUND_STEP_MS), speed, ...(frames ? { frames } : {}) });
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

	/** The event the current step applied, or null before the first. */
	get event(): TraceEvent | null {
		return this.step > 0 ? this.trace[this.step - 1] : null;
	}

	/** Where the views put their cursor: the frame's time (the scrubbed moment, if any). */
	get cursor(): number {
		return this.frame.t;
	}

	protected stepped(): void {
		this.moment = null;
	}

	/** Shows the state at a virtual time: every event up to it has happened. */
	scrub(t: number): void {
		this.goTo(anchorIndex(this.trace, t));
		this.moment = t;
	}

	/** The player steps through the events of the run on show, and one more: before the first. */
	protected fitSteps(): void {
		this.player.send({ type: 'count', count: this.trace.length + 1 });
	}
}

/** What the stage draws of a session's run: its frame, cursor and moment as they change. */
export function sessionStage(
	session: TraceSession,
	run: VariantRun,
	compared: () => readonly VariantRun[]
): Stage {
	return {
		shownRun: run,
		shownScenario: run.scenario,
		// The code view marks the line of the step running at this moment.
		get line() {
			return run.digest.part('lines', codeLines)[session.frame.index] || null;
		},
		get frame() {
			return session.frame;
		},
		get compared() {
			return compared();
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
