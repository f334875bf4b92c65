import type { LessonParam } from '../content/lesson-params';
import { numberText } from '../content/number-markers';
import type { NumberValues } from '../content/numbered-scenario';
import { fitNumber } from '../state/number-values';

const PAIR = /^([a-z][a-z0-9-]*):(-?\d+(?:\.\d+)?)$/;

/**
 * Reads the `set` parameter (`work:50,count:8`) against a lesson's params. Strict: a pair that is
 * malformed, unknown, repeated, out of range or off the param's steps is left out with a note
 * saying so; the others still apply.
 */
export function readNumberSet(
	text: string,
	params: readonly LessonParam[]
): { values: Record<string, number>; notes: string[] } {
	const values: Record<string, number> = {};
	const notes: string[] = [];
	const names = params.map((p) => p.name).join(', ') || 'none';
	for (const pair of text.split(',')) {
		const m = PAIR.exec(pair.trim());
		const ignore = (why: string) => notes.push(`set: "${pair}" ${why}; ignored.`);
		if (!m) {
			ignore('is not name:number');
			continue;
		}
		const p = params.find((x) => x.name === m[1]);
		const value = Number(m[2]);
		if (!p) ignore(`names no number of this lesson (${names})`);
		else if (Object.hasOwn(values, p.name)) ignore(`sets ${p.name} a second time`);
		else if (value < p.min || value > p.max)
			ignore(`is outside ${numberText(p, p.min)} to ${numberText(p, p.max)}`);
		else if (fitNumber(p, value) !== value) ignore(`is not a multiple of ${p.step} from ${p.min}`);
		else values[p.name] = value;
	}
	return { values, notes };
}

/** The `set` parameter for the learner's numbers, or null when every one is the lesson's. */
export function writeNumberSet(
	values: NumberValues,
	params: readonly LessonParam[]
): string | null {
	const pairs = params
		.filter((p) => values[p.name] !== undefined && values[p.name] !== p.value)
		.map((p) => `${p.name}:${values[p.name]}`);
	return pairs.length > 0 ? pairs.join(',') : null;
}
