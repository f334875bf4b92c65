import type { Frame } from '../../simulations/index';
import { anchorIndex } from '../content/anchor';
import type { Lesson, LessonStep } from '../content/types';
import { clampStep, stepForward } from './stepping.svelte';
import type { UrlState } from '../url/url';
import { runVariant, type VariantRun } from './variant-run';

export type { VariantRun };

/**
 * A learner's place in a lesson: the step, the variant on show, playback. Simulation runs once
 * per variant (deterministic), and every step is a lookup into its frames, so back is as cheap
 * as forward.
 */
export class LessonSession {
	step = $state(0);
	variant: string | null = $state(null);
	playing = $state(false);
	speed = $state(1);
	compare = $state(false);
	/** A moment the learner scrubbed to (ms); null shows the step's own moment. */
	moment: number | null = $state(null);
	// A memo of deterministic runs, not state to react to: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private runs = new Map<string, VariantRun>();

	constructor(readonly lesson: Lesson) {}

	get count(): number {
		return this.lesson.steps.length;
	}

	get current(): LessonStep {
		return this.lesson.steps[this.step];
	}

	/** The variant on show: the learner's choice, else the step's own. */
	get shown(): string {
		return this.variant ?? this.current.variant;
	}

	run(name: string): VariantRun {
		let run = this.runs.get(name);
		if (!run) {
			const v = this.lesson.variants.find((x) => x.name === name) ?? this.lesson.variants[0];
			run = runVariant(v.name, v.label, v.scenario);
			this.runs.set(name, run);
		}
		return run;
	}

	/** The frame index the current step shows in a variant (its own event anchor applies only there). */
	index(name: string): number {
		const step = this.current;
		const trace = this.run(name).result.trace ?? [];
		if (this.moment !== null) return anchorIndex(trace, this.moment);
		return anchorIndex(trace, step.t, name === step.variant ? step.event : undefined);
	}

	frame(name: string): Frame {
		return this.run(name).frameAt(this.index(name));
	}

	goTo(step: number): void {
		this.step = clampStep(this, step);
		this.variant = null;
		this.moment = null;
	}

	next(): void {
		stepForward(this);
	}

	previous(): void {
		this.goTo(this.step - 1);
	}

	/** Shows another variant at the same moment; the narration stays. */
	show(name: string | null): void {
		this.variant = name === this.current.variant ? null : name;
	}

	/** Where the learner is, as the lab's URL holds it. */
	urlState(): UrlState {
		return {
			page: 'lesson',
			lesson: this.lesson.slug,
			step: this.step + 1,
			variant: this.variant,
			speed: this.speed,
			compare: this.compare,
			t: this.moment
		};
	}
}
