import { lessonPath, loadStageLesson } from './stage-lessons';
import type { Lesson } from './types';

// A lesson's prose and question, which only the lesson page shows, are a module of their own.
const proses = import.meta.glob<Pick<Lesson, 'proseHtml' | 'question'>>(
	'../../lessons/*/lesson.json',
	{ query: '?prose', import: 'default' }
);

/** Loads a lesson's prose, steps and scenarios; a problem in its files is reported, never thrown. */
export async function loadLesson(slug: string): Promise<Lesson | { error: string }> {
	const path = lessonPath(slug);
	// No folder has that slug: the stage's loader says so.
	if (!path) return loadStageLesson(slug) as Promise<{ error: string }>;
	const [stage, prose] = await Promise.all([loadStageLesson(slug), proses[path]()]);
	return 'error' in stage ? stage : { ...stage, ...prose };
}
