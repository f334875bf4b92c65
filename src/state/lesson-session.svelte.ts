import type { Frame, Scenario } from '../../simulations/index';
import { anchorIndex } from '../content/anchor';
import type { Lesson, LessonStep } from '../content/types';
import type { Params, UrlState } from '../url/params';
import { lessonRun } from './lesson-runs';
import { SteppedSession, type PlayerOptions } from './player.svelte';
import type { Stage } from './stage';
import type { VariantRun } from './variant-run';

/** A lesson step lasts this long at 1× speed while playing. */
export const LESSON_STEP_MS = 2400;

/**
 * A learner's place in a lesson: the step (a player actor), the variant on show, comparison and
 * a scrubbed moment. Simulation runs once per variant (deterministic), and every step is a
 * lookup into its frames, so back is as cheap as forward. The lesson page and the embed share it.
 */
export class LessonSession extends SteppedSession implements Stage {
	variant: string | null = $state(null);
	compare = $state(false);
	/** A moment the learner scrubbed to (ms); null shows the step's own moment. */
	moment: number | null = $state(null);
	// Derived once per change, so every view reading them shares one computation.
	readonly shownRun: VariantRun = $derived(this.run(this.shown));
	readonly frame: Frame = $derived(this.shownRun.frameAt(this.index(this.shown)));
	readonly compared: VariantRun[] = $derived.by(() => {
		const pair = this.compare ? this.lesson.compare : undefined;
		return pair ? pair.map((n) => this.run(n)) : [this.shownRun];
	});
	readonly cursor: number = $derived(this.frame.t);

	constructor(
		readonly lesson: Lesson,
		options: Partial<Pick<PlayerOptions, 'step' | 'speed' | 'clock'>> = {}
	) {
		super({ count: lesson.steps.length, periodMs: LESSON_STEP_MS, ...options });
	}

	// A new step shows its own variant at its own moment.
	protected stepped(): void {
		this.variant = null;
		this.moment = null;
	}

	get current(): LessonStep {
		return this.lesson.steps[this.step];
	}

	/** The variant on show: the learner's choice, else the step's own. */
	get shown(): string {
		return this.variant ?? this.current.variant;
	}

	run(name: string): VariantRun {
		return lessonRun(this.lesson, name);
	}

	/** The frame index the current step shows in a variant (its own event anchor applies only there). */
	index(name: string): number {
		const step = this.current;
		const trace = this.run(name).result.trace ?? [];
		if (this.moment !== null) return anchorIndex(trace, this.moment);
		return anchorIndex(trace, step.t, name === step.variant ? step.event : undefined);
	}

	get shownScenario(): Scenario {
		const v = this.lesson.variants.find((x) => x.name === this.shown) ?? this.lesson.variants[0];
		return v.scenario;
	}

	get line(): number | null {
		return this.shown === this.current.variant ? (this.current.line ?? null) : null;
	}

	scrub(t: number): void {
		this.moment = t;
	}

	reset(): void {
		this.moment = null;
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
			t: this.moment,
			s: null,
			b: null
		};
	}
}

/**
 * Opens a lesson where a link points (lesson page and embed alike): a step past the last, or a
 * variant the lesson does not have, falls back with a note saying so.
 */
export function openLesson(
	lesson: Lesson,
	p: Pick<Params, 'step' | 'variant' | 'speed' | 'compare' | 't'>,
	clock?: PlayerOptions['clock']
): { session: LessonSession; notes: string[] } {
	const notes: string[] = [];
	const count = lesson.steps.length;
	if (p.step > count)
		notes.push(`step=${p.step} is past the last step (${count}); showing step 1.`);
	const session = new LessonSession(lesson, {
		step: p.step > count ? 0 : p.step - 1,
		speed: p.speed,
		...(clock ? { clock } : {})
	});
	if (p.variant !== null) {
		if (lesson.variants.some((v) => v.name === p.variant)) session.show(p.variant);
		else notes.push(`variant="${p.variant}" is not a variant of this lesson.`);
	}
	session.compare = p.compare && lesson.compare !== undefined;
	session.moment = p.t;
	return { session, notes };
}
