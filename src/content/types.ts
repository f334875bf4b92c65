import type { Scenario } from '../../simulations/index';
import type { EventAnchor } from './event-anchor';
import type { LessonParam } from './lesson-params';
import type { Expectation } from './step-expectations';

/** One narrated moment of a lesson: a variant, a time, optionally an event to stop after. */
export interface LessonStep {
	variant: string;
	/** Virtual time in ms. */
	t: number;
	/** The event at or after `t` to stop right after (e.g. the loop's next select). */
	event?: EventAnchor;
	/** Line of the handler's code to highlight. */
	line?: number;
	/** Markdown narration. */
	text: string;
	/** The narration as inline HTML, rendered when the file was read. */
	html: string;
	/** The narration with its `{{param}}` markers as number fields (see number-markers.ts), if it has any. */
	numbersHtml?: string;
	/** What the narration claims about the step's frame, checked by the lesson tests (never shown). */
	expect?: Expectation[];
	/** A prediction asked at this step, before the step that reveals it (`### Predict…`). */
	predict?: Prediction;
	/** Figures and sources behind the narration (`### Measured on CPython`), as Markdown and HTML. */
	measured?: { text: string; html: string };
}

/** What a prediction asks the learner to give: a choice, a time on the timeline, or a code line. */
export type PredictionAnswer =
	| { kind: 'choice'; choices: string[]; answer: number }
	/** A time (ms) on the timeline; a guess within `tolerance` ms of `ms` is right. */
	| { kind: 'time'; ms: number; tolerance: number }
	/** Lines (1-based) of the handler's code shown in the code view; any one of them is right. */
	| { kind: 'line'; lines: number[] };

/** An inline prediction: its prompt, what counts as right, the explanation shown after answering. */
export type Prediction = PredictionAnswer & {
	prompt: string;
	explain: string;
	/** The texts as HTML (prompt and choices inline), rendered when the file was read. */
	html: { prompt: string; choices: string[]; explain: string };
};

export interface LessonQuestion {
	prompt: string;
	choices: string[];
	answer: number;
	explain: string;
	/** The same texts as HTML (prompt and choices inline), rendered when the file was read. */
	html: { prompt: string; choices: string[]; explain: string };
}

export interface LessonVariant {
	name: string;
	label: string;
	scenario: Scenario;
	/** The scenario's JSON document as read, which lesson params change; absent when built in code. */
	source?: unknown;
}

/**
 * Where the learner may be the client (lesson.json `client`): the handler their requests call,
 * and the variants they may send them to, labelled for live mode.
 */
export interface LessonClient {
	handler: string;
	variants: { name: string; label: string }[];
}

/** A lesson as the app uses it, loaded from `lessons/NN-slug/`. */
export interface Lesson {
	slug: string;
	number: number;
	title: string;
	summary: string;
	path: string;
	scene: string | null;
	/** lesson.md as HTML, rendered when the file was read. */
	proseHtml: string;
	variants: LessonVariant[];
	compare: [string, string] | null;
	/** Bug → fix pairs of variant names, in the order the variant selector shows them. */
	pairs: [string, string][];
	/** Where the learner may send requests of their own, live; null where the lesson does not offer it. */
	client: LessonClient | null;
	steps: LessonStep[];
	question: LessonQuestion;
	/** The numbers a learner may change where the narration names them (lesson.json `params`). */
	params: LessonParam[];
}

/**
 * What the stage draws of a lesson: all of it but the prose and the question, which only the
 * lesson page shows (the embed loads this alone: src/content/stage-lessons.ts).
 */
export type StageLesson = Omit<Lesson, 'proseHtml' | 'question'>;

/** What the home page lists, without loading scenarios. */
export interface LessonSummary {
	slug: string;
	folder: string;
	number: number;
	title: string;
	summary: string;
	path: string;
	/** What the learner will be able to spot afterwards (lesson.json `spot`), or null. */
	spot: string | null;
	/** About how long the lesson takes (see lesson-time.ts), where its steps were read; else null. */
	minutes: number | null;
}
