import { anchorIndex } from '../content/anchor';
import type { PlayerOptions } from './player.svelte';
import { ScenarioDraft } from './scenario-draft.svelte';
import type { Stage } from './stage';
import { sessionStage, TraceSession } from './trace-session.svelte';
import { variantCopy } from './variant-copy';
import type { VariantRun } from './variant-run';

export { PLAYGROUND_STEP_MS } from './trace-session.svelte';

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
export class PlaygroundSession extends TraceSession {
	readonly a: ScenarioDraft;
	b: ScenarioDraft | null = $state(null);
	active: 'a' | 'b' = $state('a');
	compare = $state(false);

	/** The scenario on show, which the editor edits. */
	readonly draft: ScenarioDraft = $derived.by(() =>
		this.active === 'b' && this.b ? this.b : this.a
	);
	readonly run: VariantRun | null = $derived(this.draft.simulated?.run ?? null);
	/** The runs drawn on one time axis: A and B when comparing, else the one on show. */
	readonly compared: VariantRun[] = $derived.by(() => {
		const a = this.a.simulated?.run;
		const b = this.b?.simulated?.run;
		if (this.compare && a && b) return [a, b];
		return this.run ? [this.run] : [];
	});
	/** What the stage draws, once a version of the scenario on show is valid. */
	readonly stage: Stage | null = $derived(
		this.draft.simulated ? sessionStage(this, this.draft.simulated.run, () => this.compared) : null
	);

	constructor(start: PlaygroundStart, frames?: PlayerOptions['frames']) {
		super(start.speed, frames);
		this.a = new ScenarioDraft('a', start.a);
		this.b = start.b === null ? null : new ScenarioDraft('b', start.b);
		this.active = this.b ? start.active : 'a';
		this.compare = this.b !== null && start.compare;
		this.fitSteps();
		this.goTo(start.step);
		if (start.moment !== null) this.scrub(start.moment);
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

	/** Starts variant B as a copy of A (titled as one), shows it, and compares the two. */
	duplicate(): void {
		this.b = new ScenarioDraft('b', variantCopy(this.a.text));
		this.compare = true;
		this.show('b');
	}

	removeVariant(): void {
		this.show('a');
		this.b = null;
		this.compare = false;
	}
}
