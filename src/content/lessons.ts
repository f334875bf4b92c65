import index from 'virtual:lesson-index';
import { buildLesson, summarize } from './build-lesson';
import type { StepsFile } from './steps-file';
import type { Lesson, LessonSummary } from './types';

// Lessons are discovered, never listed: adding lessons/NN-slug/ adds a lesson. The home page
// needs only three fields, so only those load up front; steps load with their lesson.
const metas = import.meta.glob<Record<string, unknown>>('../../lessons/*/lesson.json', {
	import: 'default'
});
// lesson.md arrives as HTML and steps.md parsed: the lesson index plugin reads them at build time.
const proses = import.meta.glob<string>('../../lessons/*/lesson.md', { import: 'default' });
const narrations = import.meta.glob<StepsFile>('../../lessons/*/steps.md', { import: 'default' });
const files = import.meta.glob<string>(['../../lessons/*/*.json', '../../lessons/*/*.py'], {
	query: '?raw',
	import: 'default'
});

/** Every lesson folder, in NN- order. */
export function listLessons(): LessonSummary[] {
	return index
		.flatMap((entry) => {
			const summary = summarize(entry.folder, entry);
			return summary ? [summary] : [];
		})
		.sort((a, b) => a.number - b.number);
}

/** Loads a lesson's prose, steps and scenarios; a problem in its files is reported, never thrown. */
export async function loadLesson(slug: string): Promise<Lesson | { error: string }> {
	const summary = listLessons().find((l) => l.slug === slug);
	if (!summary) return { error: `There is no lesson called “${slug}”.` };
	const dir = `../../lessons/${summary.folder}/`;
	const prose = proses[`${dir}lesson.md`];
	const narration = narrations[`${dir}steps.md`];
	return buildLesson(
		summary,
		await metas[`${dir}lesson.json`](),
		prose ? await prose() : '',
		narration ? await narration() : null,
		async (name) => {
			const file = files[`${dir}${name}`];
			return file ? file() : null;
		}
	);
}
