import { grouped } from '../format/numbers';
import type { LessonParam } from './lesson-params';

/**
 * `{{name}}` in a step's narration names one of the lesson's params (lesson.json `params`): the
 * page shows it as a field the learner can change, everything else as the lesson's value with
 * its unit ("200 ms"). Anything between the braces is captured, so a bad name can be reported.
 */
const MARKER = /\{\{([^{}]*)\}\}/g;

/** Every marker in numbered lines, with its line, for the lesson build to check against params. */
export function markersIn(
	lines: { text: string; line: number }[]
): { name: string; line: number }[] {
	return lines.flatMap(({ text, line }) =>
		[...text.matchAll(MARKER)].map((m) => ({ name: m[1].trim(), line }))
	);
}

/** Whether a text has a marker at all. */
export const hasMarkers = (text: string): boolean => /\{\{[^{}]*\}\}/.test(text);

/** A value as the narration writes it: `200 ms`, `5`, `1,000 ms`. */
export function numberText(param: Pick<LessonParam, 'unit'>, value: number): string {
	const n = grouped(value);
	return param.unit ? `${n} ${param.unit}` : n;
}

/**
 * A param and its value in a sentence: a count reads before its label ("5 uploads"), a measure
 * after it ("work duration 200 ms").
 */
export function numberPhrase(param: Pick<LessonParam, 'label' | 'unit'>, value: number): string {
	const label = param.label.toLowerCase();
	return param.unit
		? `${label} ${numberText(param, value)}`
		: `${numberText(param, value)} ${label}`;
}

/** The accessible name of a param's field: "Work duration, ms". */
export function numberName(param: Pick<LessonParam, 'label' | 'unit'>): string {
	return param.unit ? `${param.label}, ${param.unit}` : param.label;
}

/** A text with each marker replaced by its param's lesson value (unknown names stay as written). */
export function fillMarkers(text: string, params: readonly LessonParam[]): string {
	return text.replace(MARKER, (whole, name: string) => {
		const p = params.find((x) => x.name === name.trim());
		return p ? numberText(p, p.value) : whole;
	});
}

/**
 * Rendered narration HTML with each marker as a number field (`input.param[data-param]`, the
 * unit after it), which the page keeps on the learner's value and changes when it is dragged
 * or typed. Lesson params are the project's own reviewed content, so their texts go in as is.
 */
export function markerFields(html: string, params: readonly LessonParam[]): string {
	return html.replace(MARKER, (whole, name: string) => {
		const p = params.find((x) => x.name === name.trim());
		if (!p) return whole;
		const field =
			`<input class="param" type="number" data-param="${p.name}" value="${p.value}"` +
			` min="${p.min}" max="${p.max}" step="${p.step}" aria-label="${numberName(p)}"` +
			` title="Drag sideways or use ↑ ↓ to change; type a number">`;
		return p.unit ? `${field}&nbsp;${p.unit}` : field;
	});
}
