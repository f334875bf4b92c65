// The command line's way to read lessons/: node:fs instead of the app's import.meta.glob, which
// exists only under Vite. Both hand the files to the same buildLesson.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildLesson, summarize } from '../src/content/build-lesson';
import { lessonHtml } from '../src/content/lesson-html';
import { stepsFileMinutes } from '../src/content/lesson-time';
import { parseStepsFile } from '../src/content/steps-file';
import type { Lesson, LessonSummary } from '../src/content/types';

type Meta = { ok: true; meta: Record<string, unknown> } | { ok: false; error: string };

function readMeta(root: string, folder: string): Meta {
	const file = join(root, folder, 'lesson.json');
	try {
		return { ok: true, meta: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
	} catch (e) {
		return { ok: false, error: `${file}: ${(e as Error).message}` };
	}
}

/** Every lesson folder under `root`, in NN- order. */
export function listLessonFiles(root: string): LessonSummary[] {
	return readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'lesson.json')))
		.flatMap((d) => {
			const read = readMeta(root, d.name);
			const minutes = stepsFileMinutes(join(root, d.name, 'steps.md'));
			const summary = summarize(d.name, { ...(read.ok ? read.meta : {}), minutes });
			return summary ? [summary] : [];
		})
		.sort((a, b) => a.number - b.number);
}

/** Loads lesson `slug` from `root`; unknown lessons and broken files are reported, never thrown. */
export async function readLessonFiles(
	root: string,
	slug: string
): Promise<Lesson | { error: string }> {
	const summary = listLessonFiles(root).find((l) => l.slug === slug);
	if (!summary) return { error: `There is no lesson called “${slug}”.` };
	const dir = join(root, summary.folder);
	const read = readMeta(root, summary.folder);
	if (!read.ok) return { error: read.error };
	const prose = join(dir, 'lesson.md');
	const steps = join(dir, 'steps.md');
	return buildLesson(
		summary,
		read.meta,
		existsSync(prose) ? lessonHtml(readFileSync(prose, 'utf8'), false) : '',
		existsSync(steps) ? parseStepsFile(steps, readFileSync(steps, 'utf8')) : null,
		// A plain name inside the folder only, as the app's globs of lessons/*/*.json and *.py allow.
		async (name) => {
			const file = join(dir, name);
			return /^[\w-][\w.-]*\.(json|py)$/.test(name) && existsSync(file)
				? readFileSync(file, 'utf8')
				: null;
		}
	);
}
