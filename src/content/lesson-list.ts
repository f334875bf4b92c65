import index from 'virtual:lesson-index';
import type { LessonSummary } from './types';

// Apart from loadLesson (lessons.ts), so a page that opens one lesson (the embed) ships no index.

/** Every lesson folder, in NN- order. */
export function listLessons(): LessonSummary[] {
	return index;
}
