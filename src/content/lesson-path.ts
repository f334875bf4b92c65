import { PATH } from '../storage/progress';
import type { LessonSummary } from './types';

/** The path's sections in order, each with its lessons in NN- order; lessons off the path last ("more"). */
export function pathGroups<L extends Pick<LessonSummary, 'path'>>(
	lessons: readonly L[]
): { path: string; lessons: L[] }[] {
	const on = (l: L) => (PATH as readonly string[]).includes(l.path);
	return [...PATH, 'more']
		.map((path) => ({
			path,
			lessons: lessons.filter((l) => (path === 'more' ? !on(l) : l.path === path))
		}))
		.filter((g) => g.lessons.length > 0);
}

/** Every lesson in path order: the order "Start here" begins and each "Next:" link follows. */
export function pathOrder<L extends Pick<LessonSummary, 'path'>>(lessons: readonly L[]): L[] {
	return pathGroups(lessons).flatMap((g) => g.lessons);
}

/** The lesson after `slug` in path order, or null after the last. */
export function nextLesson<L extends Pick<LessonSummary, 'path' | 'slug'>>(
	lessons: readonly L[],
	slug: string
): L | null {
	const order = pathOrder(lessons);
	const i = order.findIndex((l) => l.slug === slug);
	return i < 0 ? null : (order[i + 1] ?? null);
}
