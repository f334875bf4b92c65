import { folderSlug } from './build-lesson';
import type { Lesson } from './types';

// Lessons are discovered, never listed: adding lessons/NN-slug/ adds a lesson. The lesson index
// plugin builds each at build time, so a lesson is one module, loaded when it is opened.
const lessons = import.meta.glob<Lesson | { error: string }>('../../lessons/*/lesson.json', {
	query: '?lesson',
	import: 'default'
});

/** Loads a lesson's prose, steps and scenarios; a problem in its files is reported, never thrown. */
export async function loadLesson(slug: string): Promise<Lesson | { error: string }> {
	const path = Object.keys(lessons).find((p) => folderSlug(p.split('/').at(-2) ?? '') === slug);
	if (!path) return { error: `There is no lesson called “${slug}”.` };
	return lessons[path]();
}
