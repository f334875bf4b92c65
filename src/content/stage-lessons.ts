import { folderSlug } from './lesson-folder';
import type { StageLesson } from './types';

// Lessons are discovered, never listed: adding lessons/NN-slug/ adds a lesson. The lesson index
// plugin builds each at build time, so what the stage draws of a lesson is one module, loaded
// when it is opened; the lesson page adds the prose and question (lessons.ts).
const stages = import.meta.glob<StageLesson | { error: string }>('../../lessons/*/lesson.json', {
	query: '?lesson',
	import: 'default'
});

/** The folder's lesson.json path of lesson `slug`, or null when no folder has that slug. */
export function lessonPath(slug: string): string | null {
	return Object.keys(stages).find((p) => folderSlug(p.split('/').at(-2) ?? '') === slug) ?? null;
}

/** Loads what the stage draws of a lesson (the embed needs no more); a problem is reported, never thrown. */
export async function loadStageLesson(slug: string): Promise<StageLesson | { error: string }> {
	const path = lessonPath(slug);
	if (!path) return { error: `There is no lesson called “${slug}”.` };
	return stages[path]();
}
