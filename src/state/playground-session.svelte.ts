import { emptyFrame, type Frame, type TraceEvent } from '../../simulations/index';
import { anchorIndex } from '../content/anchor';
import { ScenarioDraft } from './scenario-draft.svelte';
import { clampStep, stepForward, type Stepper } from './stepping.svelte';
import type { VariantRun } from './variant-run';

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
 * a place in its run. A step is one event of the engine's trace, so Next shows exactly what the
 * engine did next; the Moment slider jumps in virtual time.
 */
export class PlaygroundSession implements Stepper {
	readonly a: ScenarioDraft;
	b: ScenarioDraft | null = $state(null);
	active: 'a' | 'b' = $state('a');
	compare = $state(false);
	playing = $state(false);
	speed = $state(1);
	/** A moment the user scrubbed to (ms); null shows the step's own time. */
	moment: number | null = $state(null);
	private position = $state(0);

	/** The scenario on show, which the editor edits. */
	readonly draft: ScenarioDraft = $derived.by(() =>
		this.active === 'b' && this.b ? this.b : this.a
	);
	readonly run: VariantRun | null = $derived(this.draft.simulated?.run ?? null);
	private readonly trace: readonly TraceEvent[] = $derived(this.run?.result.trace ?? []);
	readonly step: number = $derived(Math.min(this.position, this.trace.length));
	readonly frame: Frame = $derived(this.run ? this.run.frameAt(this.step) : emptyFrame());
	/** The runs drawn on one time axis: A and B when comparing, else the one on show. */
	readonly compared: VariantRun[] = $derived.by(() => {
		const a = this.a.simulated?.run;
		const b = this.b?.simulated?.run;
		if (this.compare && a && b) return [a, b];
		return this.run ? [this.run] : [];
	});

	constructor(start: PlaygroundStart) {
		this.a = new ScenarioDraft('a', start.a);
		this.b = start.b === null ? null : new ScenarioDraft('b', start.b);
		this.active = this.b ? start.active : 'a';
		this.compare = this.b !== null && start.compare;
		this.speed = start.speed;
		this.position = start.step;
		if (start.moment !== null) this.scrub(start.moment);
	}

	get count(): number {
		return this.trace.length + 1;
	}

	get current(): { t: number } {
		return { t: this.frame.t };
	}

	/** The event the current step applied, or null before the first. */
	get event(): TraceEvent | null {
		return this.step > 0 ? this.trace[this.step - 1] : null;
	}

	/** Where the views put their cursor: the scrubbed moment, else the step's time. */
	get cursor(): number {
		return this.moment ?? this.frame.t;
	}

	goTo(step: number): void {
		this.position = clampStep(this, step);
		this.moment = null;
	}

	next(): void {
		stepForward(this);
	}

	previous(): void {
		this.goTo(this.step - 1);
	}

	/** Shows the state at a virtual time: every event up to it has happened. */
	scrub(t: number): void {
		this.position = anchorIndex(this.trace, t);
		this.moment = t;
	}

	/** Shows (and edits) A or B at the same moment. */
	show(name: 'a' | 'b'): void {
		const t = this.cursor;
		const moment = this.moment;
		const start = this.step === 0 && moment === null;
		this.active = name === 'b' && this.b ? 'b' : 'a';
		this.position = start ? 0 : anchorIndex(this.trace, t);
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
}
