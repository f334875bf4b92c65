import { emptyFrame, type Frame, type TraceEvent } from '../../simulations/index';
import { anchorIndex } from '../content/anchor';
import { evenPlan } from './play-plan';
import { SteppedSession, type PlayerOptions } from './player.svelte';
import { ScenarioDraft, type Simulated } from './scenario-draft.svelte';
import type { Stage } from './stage';
import type { VariantRun } from './variant-run';

/** A playground event lasts this long at 1× speed while playing. */
export const PLAYGROUND_STEP_MS = 600;

/** What the playground opens with (from its URL, this tab's last draft, or the sample). */
export interface PlaygroundStart {
	a: string;
	b: string | null;
	active: 'a' | 'b';
	compare: boolean;
	/** How many events of the shown run have happened (0: none yet). */
	step: number;
	moment: number | null;
	speed: number;
}

/**
 * The playground: a scenario A, optionally a variant B, which one is on show (and edited), and
 * a place in its run (a player actor). A step is one event of the engine's trace, so Next shows
 * exactly what the engine did next; the Moment slider jumps in virtual time.
 */
export class PlaygroundSession extends SteppedSession {
	readonly a: ScenarioDraft;
	b: ScenarioDraft | null = $state(null);
	active: 'a' | 'b' = $state('a');
	compare = $state(false);
	/** A moment the user scrubbed to (ms); null shows the step's own time. */
	moment: number | null = $state(null);

	/** The scenario on show, which the editor edits. */
	readonly draft: ScenarioDraft = $derived.by(() =>
		this.active === 'b' && this.b ? this.b : this.a
	);
	readonly run: VariantRun | null = $derived(this.draft.simulated?.run ?? null);
	private readonly trace: readonly TraceEvent[] = $derived(this.run?.result.trace ?? []);
	/** After the step's events; at exactly the scrubbed moment when there is one. */
	readonly frame: Frame = $derived.by(() => {
		if (!this.run) return emptyFrame();
		return this.moment === null
			? this.run.framer.at(this.step)
			: this.run.framer.atTime(this.moment);
	});
	/** The runs drawn on one time axis: A and B when comparing, else the one on show. */
	readonly compared: VariantRun[] = $derived.by(() => {
		const a = this.a.simulated?.run;
		const b = this.b?.simulated?.run;
		if (this.compare && a && b) return [a, b];
		return this.run ? [this.run] : [];
	});
	/** What the stage draws, once a version of the scenario on show is valid. */
	readonly stage: Stage | null = $derived(
		this.draft.simulated ? playgroundStage(this, this.draft.simulated) : null
	);

	constructor(start: PlaygroundStart, frames?: PlayerOptions['frames']) {
		super({
			count: 1,
			plan: evenPlan(PLAYGROUND_STEP_MS),
			speed: start.speed,
			...(frames ? { frames } : {})
		});
		this.a = new ScenarioDraft('a', start.a);
		this.b = start.b === null ? null : new ScenarioDraft('b', start.b);
		this.active = this.b ? start.active : 'a';
		this.compare = this.b !== null && start.compare;
		this.fitSteps();
		this.goTo(start.step);
		if (start.moment !== null) this.scrub(start.moment);
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

	/** Simulates what was typed in A and B (once typing pauses); the step stays within the new runs. */
	settle(): void {
		this.a.settle();
		this.b?.settle();
		this.fitSteps();
	}

	/** Shows (and edits) A or B at the same moment. */
	show(name: 'a' | 'b'): void {
		const t = this.cursor;
		const moment = this.moment;
		const start = this.step === 0 && moment === null;
		this.active = name === 'b' && this.b ? 'b' : 'a';
		this.fitSteps();
		this.goTo(start ? 0 : anchorIndex(this.trace, t));
		this.moment = moment;
	}

	/** Starts variant B as a copy of A, shows it, and compares the two. */
	duplicate(): void {
		this.b = new ScenarioDraft('b', this.a.text);
		this.compare = true;
		this.show('b');
	}

	removeVariant(): void {
		this.show('a');
		this.b = null;
		this.compare = false;
	}

	/** The player steps through the events of the run on show, and one more: before the first. */
	private fitSteps(): void {
		this.player.send({ type: 'count', count: this.trace.length + 1 });
	}
}

function playgroundStage(session: PlaygroundSession, simulated: Simulated): Stage {
	return {
		shownRun: simulated.run,
		shownScenario: simulated.scenario,
		line: null,
		get frame() {
			return session.frame;
		},
		get compared() {
			return session.compared;
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
