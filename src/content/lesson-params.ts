import { parsePath, valueAt, type FieldPath } from './scenario-path';

/**
 * A number of a lesson the learner may change where the narration names it (lesson.json
 * `params`): its name in markers and links, its label and unit, its range, and where it sits in
 * each variant's scenario.
 */
export interface LessonParam {
	name: string;
	label: string;
	/** Shown after the value ("ms"), or "" for a count. */
	unit: string;
	min: number;
	max: number;
	step: number;
	/** The lesson's own value, read from its scenarios (every path holds the same one). */
	value: number;
	/** The variants it changes, each with the fields it sets there. */
	sets: { variant: string; paths: FieldPath[] }[];
}

/** The variants' scenario documents as read (with their code), by variant name. */
export type VariantDocs = ReadonlyMap<string, unknown>;

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Reads lesson.json's `params` (`text` is the file, for line numbers) against the variants'
 * documents: each problem comes back as `lesson.json:<line>: params[i] "name": …`.
 */
export function readLessonParams(
	raw: unknown,
	text: string,
	docs: VariantDocs
): { params: LessonParam[]; problems: string[] } {
	const params: LessonParam[] = [];
	const problems: string[] = [];
	if (raw === undefined) return { params, problems };
	if (!Array.isArray(raw)) return { params, problems: ['lesson.json: params: expected a list'] };
	raw.forEach((entry: Record<string, unknown>, i) => {
		const name = typeof entry?.name === 'string' ? entry.name : '';
		const line = lineOf(text, new RegExp(`"name"\\s*:\\s*"${escape(name)}"`));
		const what = `params[${i}]${name ? ` "${name}"` : ''}`;
		const read = readParam(entry, name, params, docs, (message, needle) => {
			const at = needle === undefined ? line : lineOf(text, needle, line);
			problems.push(`lesson.json:${at}: ${what}: ${message}`);
		});
		if (read) params.push(read);
	});
	return { params, problems };
}

type Fail = (message: string, needle?: RegExp) => void;

function readParam(
	entry: Record<string, unknown>,
	name: string,
	earlier: LessonParam[],
	docs: VariantDocs,
	fail: Fail
): LessonParam | null {
	if (!NAME.test(name)) return (fail('"name" must be lower-case letters, digits and -'), null);
	if (earlier.some((p) => p.name === name)) return (fail('a second param with this name'), null);
	const [min, max, step] = [entry.min, entry.max, entry.step];
	if (typeof entry.label !== 'string' || entry.label === '')
		return (fail('"label" must be a text such as "Work duration"'), null);
	if (entry.unit !== undefined && typeof entry.unit !== 'string')
		return (fail('"unit" must be a text such as "ms"'), null);
	if (!isNum(min) || !isNum(max) || !isNum(step) || step <= 0 || min >= max)
		return (fail('"min" < "max" and "step" > 0 must be numbers'), null);
	const sets = readSets(entry.sets, docs, fail);
	if (!sets) return null;
	const values = sets.flatMap((s) =>
		s.paths.map((p) => ({ variant: s.variant, value: valueAt(docs.get(s.variant), p) as number }))
	);
	const value = values[0].value;
	const other = values.find((v) => v.value !== value);
	if (other)
		return (
			fail(`is ${value} in "${values[0].variant}" but ${other.value} in "${other.variant}"`),
			null
		);
	if (value < min || value > max)
		return (fail(`the lesson's value ${value} is outside min ${min} to max ${max}`), null);
	return {
		name,
		label: entry.label,
		unit: (entry.unit as string) ?? '',
		min,
		max,
		step,
		value,
		sets
	};
}

function readSets(raw: unknown, docs: VariantDocs, fail: Fail): LessonParam['sets'] | null {
	if (
		raw === null ||
		typeof raw !== 'object' ||
		Array.isArray(raw) ||
		Object.keys(raw).length === 0
	)
		return (fail('"sets" must map variant names to lists of field paths'), null);
	const sets: LessonParam['sets'] = [];
	let ok = true;
	for (const [variant, list] of Object.entries(raw)) {
		const needle = new RegExp(`"${escape(variant)}"\\s*:`);
		if (!docs.has(variant)) {
			fail(`sets: unknown variant "${variant}" (variants: ${[...docs.keys()].join(', ')})`, needle);
			ok = false;
			continue;
		}
		const paths: FieldPath[] = [];
		for (const text of Array.isArray(list) ? list : [list]) {
			const path = typeof text === 'string' ? parsePath(text) : null;
			const where = new RegExp(escape(JSON.stringify(String(text))));
			if (!path)
				fail(`sets: "${String(text)}" is not a field path like "arrivals[0].count"`, where);
			else if (typeof valueAt(docs.get(variant), path) !== 'number')
				fail(`sets: "${text}" is not a number in the scenario of "${variant}"`, where);
			else {
				paths.push(path);
				continue;
			}
			ok = false;
		}
		sets.push({ variant, paths });
	}
	return ok ? sets : null;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The 1-based line of the first match at or after line `from`, else `from` (1 when nothing fits).
function lineOf(text: string, needle: RegExp, from = 1): number {
	const lines = text.split('\n');
	for (let i = from - 1; i < lines.length; i++) if (needle.test(lines[i])) return i + 1;
	return from;
}
