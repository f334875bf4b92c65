import type { LessonStep, Prediction } from '../content/types';

/** Whether a guess is right: a choice's index, a time in ms, or a code line, by the prediction's kind. */
export function isRight(p: Prediction, guess: number): boolean {
	if (p.kind === 'choice') return guess === p.answer;
	if (p.kind === 'time') return Math.abs(guess - p.ms) <= p.tolerance;
	return p.lines.includes(guess);
}

/** Where the learner is with a step's prediction. */
export type PredictionStatus =
	| { state: 'asking' }
	| { state: 'skipped' }
	| { state: 'answered'; guess: number; right: boolean }
	/** Asked about the lesson's numbers while the learner's differ: not asked, not graded. */
	| { state: 'suspended' };

/** A mark a view draws for a prediction: the learner's guess, or the true answer. */
export interface PredictionMark {
	at: number;
	kind: 'guess' | 'answer';
}

/**
 * The learner's answers to a lesson's inline predictions, by step. A step whose prediction is
 * still asking `waits`: the player does not leave it forward. Answers stay for the session (going
 * back shows them again); a retry asks again.
 */
export class LessonPredictions {
	#answers: Record<number, { guess: number } | 'skipped'> = $state({});
	/** False where nobody can answer (an embed without controls): no prediction is asked or waits. */
	asks = $state(true);
	/** The time being set on the timeline before it is checked (ms), at the current step. */
	draft: number | null = $state(null);

	/** `suspended(step)`: the learner's numbers change what the step's prediction is about. */
	constructor(
		readonly steps: readonly LessonStep[],
		private readonly suspended: (step: number) => boolean = () => false
	) {}

	/** The step's prediction and where the learner is with it, or null when it asks none. */
	status(step: number): PredictionStatus | null {
		const p = this.steps[step]?.predict;
		if (!p || !this.asks) return null;
		if (this.suspended(step)) return { state: 'suspended' };
		const a = this.#answers[step];
		if (a === undefined) return { state: 'asking' };
		if (a === 'skipped') return { state: 'skipped' };
		return { state: 'answered', guess: a.guess, right: isRight(p, a.guess) };
	}

	/** True while the step's prediction waits for an answer or a skip. */
	waits(step: number): boolean {
		return this.status(step)?.state === 'asking';
	}

	answer(step: number, guess: number): void {
		if (this.steps[step]?.predict) this.#answers[step] = { guess };
		this.draft = null;
	}

	skip(step: number): void {
		if (this.steps[step]?.predict) this.#answers[step] = 'skipped';
		this.draft = null;
	}

	/** Asks the step's prediction again. */
	retry(step: number): void {
		delete this.#answers[step];
		this.draft = null;
	}

	/**
	 * What the views mark for a prediction of `kind` at `step`: the guess beside the answer once
	 * answered, at its step and at the next (the reveal); the draft guess while asking.
	 */
	marks(step: number, kind: 'time' | 'line'): PredictionMark[] {
		for (const s of [step, step - 1]) {
			const p = this.steps[s]?.predict;
			if (p?.kind !== kind) continue;
			const status = this.status(s);
			if (status?.state === 'answered') {
				const truth = p.kind === 'time' ? [p.ms] : p.kind === 'line' ? p.lines : [];
				return [
					{ at: status.guess, kind: 'guess' },
					...truth.map((at) => ({ at, kind: 'answer' as const }))
				];
			}
			if (s === step && status?.state === 'asking' && this.draft !== null)
				return [{ at: this.draft, kind: 'guess' }];
		}
		return [];
	}
}
