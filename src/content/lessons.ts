import { parseScenario } from '../../simulations/index';
import type { Lesson, LessonStep, LessonSummary, LessonVariant } from './types';

// Lessons are discovered, never listed: adding lessons/NN-slug/ adds a lesson. The home page
// needs only three fields, so only those load up front; steps load with their lesson.
const titles = import.meta.glob<string>('../../lessons/*/lesson.json', {
	eager: true,
	import: 'title'
});
const summaries = import.meta.glob<string>('../../lessons/*/lesson.json', {
	eager: true,
	import: 'summary'
});
const paths = import.meta.glob<string>('../../lessons/*/lesson.json', {
	eager: true,
	import: 'path'
});
const metas = import.meta.glob<Record<string, unknown>>('../../lessons/*/lesson.json', {
	import: 'default'
});
const proses = import.meta.glob<string>('../../lessons/*/lesson.md', {
	query: '?raw',
	import: 'default'
});
const files = import.meta.glob<string>('../../lessons/*/*.json', {
	query: '?raw',
	import: 'default'
});

const FOLDER = /lessons\/((\d+)-([a-z0-9-]+))\//;

/** Every lesson folder, in NN- order. */
export function listLessons(): LessonSummary[] {
	return Object.keys(titles)
		.flatMap((file) => {
			const m = FOLDER.exec(file);
			if (!m) return [];
			return [
				{
					folder: m[1],
					number: Number(m[2]),
					slug: m[3],
					title: String(titles[file] ?? m[3]),
					summary: String(summaries[file] ?? ''),
					path: String(paths[file] ?? 'basics')
				}
			];
		})
		.sort((a, b) => a.number - b.number);
}

/** Loads a lesson's prose and scenarios; a problem in its files is reported, never thrown. */
export async function loadLesson(slug: string): Promise<Lesson | { error: string }> {
	const summary = listLessons().find((l) => l.slug === slug);
	if (!summary) return { error: `There is no lesson called “${slug}”.` };
	const dir = `../../lessons/${summary.folder}/`;
	const meta = await metas[`${dir}lesson.json`]();
	const problems: string[] = [];
	const variants: LessonVariant[] = [];
	for (const v of asArray(meta.variants)) {
		const file = files[`${dir}${String(v.scenario)}`];
		if (!file) {
			problems.push(`variant ${String(v.name)}: no file ${String(v.scenario)}`);
			continue;
		}
		const parsed = parseScenario(await file());
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
	const prose = proses[`${dir}lesson.md`];
	const compare = Array.isArray(meta.compare) ? (meta.compare as [string, string]) : null;
	return {
		slug,
		number: summary.number,
		title: summary.title,
		summary: summary.summary,
		path: summary.path,
		scene: typeof meta.scene === 'string' ? meta.scene : null,
		prose: prose ? await prose() : '',
		variants,
		compare: compare ?? (variants.length > 1 ? [variants[0].name, variants[1].name] : null),
		steps,
		question
	};
}

function asArray(value: unknown): Record<string, unknown>[] {
	return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
