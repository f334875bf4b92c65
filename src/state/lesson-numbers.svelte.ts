import type { LessonParam } from '../content/lesson-params';
import { numberPhrase, numberText } from '../content/number-markers';
import { changedParams } from '../content/numbered-scenario';
import { fitNumber } from './number-values';

/**
 * The learner's values for a lesson's params. Only values that differ from the lesson's are
 * kept, so "nothing changed" is an empty record and every reader shares one set of values.
 */
export class LessonNumbers {
	/** Changed values by param name. */
	values: Record<string, number> = $state({});

	constructor(readonly params: readonly LessonParam[]) {}

	/** The value a param shows now: the learner's, else the lesson's. */
	value(name: string): number {
		return this.values[name] ?? this.params.find((p) => p.name === name)?.value ?? NaN;
	}

	/** Sets a param, fitted to its range and steps; the lesson's own value clears the change. */
	set(name: string, value: number): void {
		const p = this.params.find((x) => x.name === name);
		const fitted = p ? fitNumber(p, value) : null;
		if (!p || fitted === null) return;
		const next = { ...this.values };
		if (fitted === p.value) delete next[name];
		else next[name] = fitted;
		if (next[name] !== this.values[name]) this.values = next;
	}

	/** Back to the lesson's values. */
	reset(): void {
		if (Object.keys(this.values).length > 0) this.values = {};
	}

	/** The params the learner changed, in lesson.json order. */
	get changed(): LessonParam[] {
		return this.params.filter((p) => this.values[p.name] !== undefined);
	}

	/** The changed numbers in words: "work duration 50 ms (lesson 200 ms), 8 uploads (lesson 5)". */
	get summary(): string {
		return this.changed
			.map((p) => `${numberPhrase(p, this.value(p.name))} (lesson ${numberText(p, p.value)})`)
			.join(', ');
	}

	/** The changed params that change `variant`. */
	changedIn(variant: string): LessonParam[] {
		return changedParams(this.params, variant, this.values);
	}
}
