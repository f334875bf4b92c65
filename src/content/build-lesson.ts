import { parseScenario } from '../../simulations/index';
import type { Lesson, LessonStep, LessonSummary, LessonVariant } from './types';

// How a lesson folder's files become a Lesson, apart from how they are read: the app reads them
// lazily through Vite's import.meta.glob, the command line with node:fs.

const FOLDER = /^(\d+)-([a-z0-9-]+)$/;

/** A lesson folder's summary from its name ("NN-slug") and lesson.json, or null if the name is not a lesson's. */
export function summarize(
	folder: string,
	meta: { title?: unknown; summary?: unknown; path?: unknown }
): LessonSummary | null {
	const m = FOLDER.exec(folder);
	if (!m) return null;
	return {
		folder,
		number: Number(m[1]),
		slug: m[2],
		title: String(meta.title ?? m[2]),
		summary: String(meta.summary ?? ''),
		path: String(meta.path ?? 'basics')
	};
}

/**
 * Builds a lesson from its summary, its lesson.json, its prose and a reader of the folder's
 * scenario files (null for a missing file); a problem in the files is reported, never thrown.
 */
export async function buildLesson(
	summary: LessonSummary,
	meta: Record<string, unknown>,
	prose: string,
	readScenario: (file: string) => Promise<string | null>
): Promise<Lesson | { error: string }> {
	const problems: string[] = [];
	const variants: LessonVariant[] = [];
	for (const v of asArray(meta.variants)) {
		const text = await readScenario(String(v.scenario));
		if (text === null) {
			problems.push(`variant ${String(v.name)}: no file ${String(v.scenario)}`);
			continue;
		}
		const parsed = parseScenario(text);
		if (!parsed.ok) {
			problems.push(`${String(v.scenario)}: ${parsed.errors.map((e) => e.message).join('; ')}`);
			continue;
		}
		variants.push({
			name: String(v.name),
			label: String(v.label ?? v.name),
			scenario: parsed.scenario
		});
	}
	const names = new Set(variants.map((v) => v.name));
	const steps = asArray(meta.steps) as unknown as LessonStep[];
	steps.forEach((s, i) => {
		if (!names.has(s.variant)) problems.push(`steps[${i}]: unknown variant ${String(s.variant)}`);
		if (typeof s.t !== 'number' || typeof s.text !== 'string')
			problems.push(`steps[${i}]: needs t and text`);
	});
	const question = meta.question as Lesson['question'] | undefined;
	if (!question || !Array.isArray(question.choices)) problems.push('question: missing');
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
		prose,
		variants,
		compare: compare ?? (variants.length > 1 ? [variants[0].name, variants[1].name] : null),
		steps,
		question
	};
}

function asArray(value: unknown): Record<string, unknown>[] {
	return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
