import type { Frame, Scenario } from '../../simulations/index';
import { stepFrame } from '../content/step-frame';
import type { LessonStep, Prediction, StageLesson } from '../content/types';
import type { Params, UrlState } from '../url/params';
import { readNumberSet, writeNumberSet } from '../url/number-set';
import { LessonNumbers } from './lesson-numbers.svelte';
import { lessonRun } from './lesson-runs';
import { lessonPlan } from './play-plan';
import { LessonPredictions, type PredictionMark } from './predictions.svelte';
import { SteppedSession, type PlayerOptions } from './player.svelte';
import type { Stage } from './stage';
import { numbersCode } from './numbers-code.svelte';
import type { StaleNarration } from './stale-narration';
import type { VariantRun } from './variant-run';

/**
 * A learner's place in a lesson: the step (a player actor), the variant on show, comparison and
 * a scrubbed moment. Simulation runs once per variant (deterministic), and every step is a
 * lookup into its frames, so back is as cheap as forward. The lesson page and the embed share it.
 * One time rules every view: `cursor` is the scrubbed moment, else where play has moved to, else
 * the step's own `t`, and `frame.t === cursor`.
 */
export class LessonSession extends SteppedSession implements Stage {
	variant: string | null = $state(null);
	compare = $state(false);
	/** A moment the learner scrubbed to (ms); null shows the step's own moment. */
	moment: number | null = $state(null);
	// Derived once per change, so every view reading them shares one computation.
	/** The variant on show: the learner's choice, else the step's own. */
	readonly shown: string = $derived(this.variant ?? this.current.variant);
	readonly shownRun: VariantRun = $derived(this.run(this.shown));
	readonly shownScenario: Scenario = $derived(this.scenarioOf(this.shown));
	readonly cursor: number = $derived(this.moment ?? this.player.time ?? this.current.t);
	readonly frame: Frame = $derived(this.frameIn(this.shown));
	readonly compared: VariantRun[] = $derived.by(() => {
		const pair = this.compare ? this.lesson.compare : undefined;
		return pair ? pair.map((n) => this.run(n)) : [this.shownRun];
	});

	/** The learner's answers to the lesson's inline predictions; an unanswered one holds its step. */
	readonly predictions: LessonPredictions;
	/** The learner's values for the lesson's params; every run and view follows them. */
	readonly numbers: LessonNumbers;
	/**
	 * What the current step's narration says with the learner's numbers, or null when it holds as
	 * written (or while its code loads: loadNumbersCode).
	 */
	readonly stale: StaleNarration | null = $derived.by(() => {
		const name = this.current.variant;
		const changed = this.numbers.changedIn(name);
		const code = numbersCode();
		if (changed.length === 0 || !code) return null;
		const base = lessonRun(this.lesson, name);
		return code.staleNarration(this.current, base, this.run(name), changed, this.numbers.values);
	});
	/** The stale note in words, or null. */
	readonly staleNote: string | null = $derived.by(() => {
		const code = numbersCode();
		return this.stale && code ? code.staleText(this.stale) : null;
	});

	constructor(
		readonly lesson: StageLesson,
		options: Partial<Pick<PlayerOptions, 'step' | 'speed' | 'frames'>> = {}
	) {
		const plan = lessonPlan(lesson.steps, (name) => lessonRun(lesson, name).eventTimes);
		const numbers = new LessonNumbers(lesson.params ?? []);
		// A prediction is about the lesson's numbers: while the learner's change its step or the
		// step that reveals it, it is not asked and never graded against the lesson's answer. A
		// line of the code is the exception: numbers change durations and counts, never the code.
		const predictions = new LessonPredictions(lesson.steps, (step) =>
			lesson.steps[step]?.predict?.kind === 'line'
				? false
				: [step, step + 1].some((s) => {
						const variant = lesson.steps[s]?.variant;
						return variant !== undefined && numbers.changedIn(variant).length > 0;
					})
		);
		super({
			count: lesson.steps.length,
			plan,
			holds: (step) => predictions.waits(step),
			...options
		});
		this.predictions = predictions;
		this.numbers = numbers;
	}

	get timeMarks(): PredictionMark[] {
		return this.predictions.marks(this.step, 'time');
	}

	get lineMarks(): PredictionMark[] {
		return this.shown === this.current.variant ? this.predictions.marks(this.step, 'line') : [];
	}

	get waiting(): boolean {
		return this.predictions.waits(this.step);
	}

	/** The current step's prediction while it waits for an answer, else null. */
	get asking(): Prediction | null {
		return this.predictions.waits(this.step) ? (this.current.predict ?? null) : null;
	}

	/** Sets the timeline guess while a timeline prediction asks (a drag on the timeline). */
	get dragGuess(): ((t: number) => void) | null {
		return this.asking?.kind === 'time' ? (t) => (this.predictions.draft = Math.round(t)) : null;
	}

	get time(): number {
		return this.cursor;
	}

	get current(): LessonStep {
		return this.lesson.steps[this.step];
	}

	// A new step shows its own variant at its own moment.
	protected stepped(): void {
		this.variant = null;
		this.moment = null;
		this.predictions.draft = null;
	}

	// With the learner's numbers: a real run (and any engine) runs what the views show.
	private scenarioOf(name: string): Scenario {
		return this.run(name).scenario;
	}

	/**
	 * A variant's run with the learner's numbers (the lesson's own run where they change nothing,
	 * and until the code that checks them has loaded: loadNumbersCode).
	 */
	run(name: string): VariantRun {
		return lessonRun(this.lesson, name, this.numbers.values, numbersCode()?.parseScenarioValue);
	}

	/**
	 * The frame a variant shows now: at the cursor, or, at the step itself, the step's frame (its
	 * event anchor applies only in its own variant).
	 */
	frameIn(name: string): Frame {
		const run = this.run(name);
		const step = this.current;
		if (this.cursor !== step.t || this.moment !== null) return run.framer.atTime(this.cursor);
		const anchor = name === step.variant ? step.event : undefined;
		return stepFrame(run.framer, run.result.trace ?? [], step.t, anchor);
	}

	get line(): number | null {
		return this.shown === this.current.variant ? (this.current.line ?? null) : null;
	}

	/** Shows the state at a virtual time, pausing play there. */
	scrub(t: number): void {
		this.player.send({ type: 'pause' });
		this.moment = t;
	}

	/** Plays from where play was (leaving a scrubbed moment), or pauses. */
	override toggle(): void {
		this.moment = null;
		super.toggle();
	}

	/** Back to the step's own moment, from a scrubbed one or from where play had moved time. */
	reset(): void {
		this.moment = null;
		this.player.send({ type: 'rewind' });
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
			set: writeNumberSet(this.numbers.values, this.numbers.params),
			s: null,
			b: null,
			py: null,
			tab: 'scenario',
			sweep: null,
			from: null,
			to: null,
			points: null
		};
	}
}

/**
 * Opens a lesson where a link points (lesson page and embed alike): a step past the last, or a
 * variant the lesson does not have, falls back with a note saying so.
 */
export function openLesson(
	lesson: StageLesson,
	p: Pick<Params, 'step' | 'variant' | 'speed' | 'compare' | 't'> & Partial<Pick<Params, 'set'>>,
	frames?: PlayerOptions['frames']
): { session: LessonSession; notes: string[] } {
	const notes: string[] = [];
	const count = lesson.steps.length;
	if (p.step > count)
		notes.push(`step=${p.step} is past the last step (${count}); showing step 1.`);
	const session = new LessonSession(lesson, {
		step: p.step > count ? 0 : p.step - 1,
		speed: p.speed,
		...(frames ? { frames } : {})
	});
	if (p.variant !== null) {
		if (lesson.variants.some((v) => v.name === p.variant)) session.show(p.variant);
		else notes.push(`variant="${p.variant}" is not a variant of this lesson.`);
	}
	session.compare = p.compare && lesson.compare !== undefined;
	session.moment = p.t;
	if (p.set) {
		const read = readNumberSet(p.set, session.numbers.params);
		for (const [name, value] of Object.entries(read.values)) session.numbers.set(name, value);
		notes.push(...read.notes);
	}
	return { session, notes };
}
