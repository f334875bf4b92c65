import { folderSlug } from './lesson-folder';
import { readLessonParams, type LessonParam } from './lesson-params';
import { fillMarkers, hasMarkers, markerFields } from './number-markers';
import { readClient } from './lesson-client';
import { loadScenario } from './scenario-with-code';
import { shownCode } from './shown-code';
import type { StepsFile } from './steps-file';
import type { Lesson, LessonStep, LessonSummary, LessonVariant } from './types';

// How a lesson folder's files become a Lesson, apart from how they are read: the app reads them
// lazily through Vite's import.meta.glob, the command line with node:fs.

/** A lesson folder's summary from its name ("NN-slug") and lesson.json, or null if the name is not a lesson's. */
export function summarize(
	folder: string,
	meta: { title?: unknown; summary?: unknown; path?: unknown; spot?: unknown; minutes?: unknown }
): LessonSummary | null {
	const slug = folderSlug(folder);
	if (slug === null) return null;
	return {
		folder,
		number: parseInt(folder, 10),
		slug,
		title: String(meta.title ?? slug),
		summary: String(meta.summary ?? ''),
		path: String(meta.path ?? 'basics'),
		spot: typeof meta.spot === 'string' ? meta.spot : null,
		minutes: typeof meta.minutes === 'number' ? meta.minutes : null
	};
}

/**
 * Builds a lesson from its summary, its lesson.json, its prose (lesson.md as HTML), its parsed steps.md (null when
 * missing) and a reader of the folder's scenario and Python files (null for a missing file);
 * a problem in the files is reported, never thrown.
 */
export async function buildLesson(
	summary: LessonSummary,
	meta: Record<string, unknown>,
	proseHtml: string,
	narration: StepsFile | null,
	readFile: (file: string) => Promise<string | null>
): Promise<Lesson | { error: string }> {
	const problems: string[] = [];
	const variants: LessonVariant[] = [];
	for (const v of asArray(meta.variants)) {
		const loaded = await loadScenario(String(v.scenario), readFile);
		if ('error' in loaded) problems.push(`variant ${String(v.name)}: ${loaded.error}`);
		else
			variants.push({
				name: String(v.name),
				label: String(v.label ?? v.name),
				scenario: loaded.scenario,
				source: loaded.doc
			});
	}
	const docs = new Map(variants.map((v) => [v.name, v.source]));
	const read = readLessonParams(meta.params, (await readFile('lesson.json')) ?? '', docs);
	problems.push(...read.problems);
	const params = read.params;
	if (!narration) problems.push('no file steps.md');
	const steps = narration?.steps ?? [];
	const names = new Set(variants.map((v) => v.name));
	steps.forEach((s, i) => {
		const at = `${narration!.file}:${narration!.lines[i]}: step ${i + 1}`;
		if (!names.has(s.variant)) problems.push(`${at}: unknown variant "${s.variant}"`);
		const variant = variants.find((v) => v.name === s.variant);
		if (variant && s.predict?.kind === 'line') {
			const count = shownCode(variant.scenario)?.split('\n').length ?? 0;
			for (const n of s.predict.lines.filter((n) => n > count))
				problems.push(`${at}: prediction: line ${n} is past the handler's code (${count} lines)`);
		}
	});
	for (const m of narration?.markers ?? []) {
		if (params.some((p) => p.name === m.name)) continue;
		const known = params.map((p) => p.name).join(', ') || 'none';
		problems.push(
			`${narration!.file}:${m.line}: step ${m.step + 1}: {{${m.name}}} names no param of lesson.json (params: ${known})`
		);
	}
	const pairs = readPairs(meta.pairs);
	for (const name of pairs.flat())
		if (!names.has(name)) problems.push(`lesson.json: pairs: unknown variant "${name}"`);
	const { client, problems: clientProblems } = readClient(meta.client, variants);
	problems.push(...clientProblems);
	problems.push(...(narration?.errors ?? []));
	const question = narration?.question;
	if (problems.length > 0 || !question) {
		return { error: `Lesson ${summary.folder} has problems: ${problems.join(' · ')}` };
	}
	const compare = Array.isArray(meta.compare) ? (meta.compare as [string, string]) : null;
	return {
		slug: summary.slug,
		number: summary.number,
		title: summary.title,
		summary: summary.summary,
		path: summary.path,
		scene: typeof meta.scene === 'string' ? meta.scene : null,
		proseHtml,
		variants,
		compare:
			compare ?? pairs[0] ?? (variants.length > 1 ? [variants[0].name, variants[1].name] : null),
		pairs,
		client,
		steps: params.length > 0 ? steps.map((st) => withNumbers(st, params)) : steps,
		question,
		params
	};
}

// Markers become the lesson's values everywhere (pictures, the command line, predictions, which
// are about the lesson's numbers), and number fields in the narration the page shows.
function withNumbers(step: LessonStep, params: LessonParam[]): LessonStep {
	if (!hasMarkers(JSON.stringify(step))) return step;
	const fill = (t: string) => fillMarkers(t, params);
	const out: LessonStep = { ...step, text: fill(step.text), html: fill(step.html) };
	if (hasMarkers(step.html)) out.numbersHtml = markerFields(step.html, params);
	if (step.predict) {
		const { html } = step.predict;
		out.predict = {
			...step.predict,
			prompt: fill(step.predict.prompt),
			explain: fill(step.predict.explain),
			html: {
				prompt: fill(html.prompt),
				choices: html.choices.map(fill),
				explain: fill(html.explain)
			}
		};
		if (out.predict.kind === 'choice' && step.predict.kind === 'choice')
			out.predict.choices = step.predict.choices.map(fill);
	}
	if (step.measured)
		out.measured = { text: fill(step.measured.text), html: fill(step.measured.html) };
	return out;
}

// A malformed entry is left out rather than failing the lesson: pairs only group the buttons.
function readPairs(value: unknown): [string, string][] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((p: unknown) =>
		Array.isArray(p) && p.length === 2 ? [[String(p[0]), String(p[1])] as [string, string]] : []
	);
}

function asArray(value: unknown): Record<string, unknown>[] {
	return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
