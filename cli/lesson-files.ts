// Reading lessons/ with node:fs: the command line does, and so does the site's build, which hands
// each lesson to the page already built (src/content/lesson-index-plugin.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildLesson, summarize } from '../src/content/build-lesson';
import { lessonHtml } from '../src/content/lesson-html';
import { stepsFileMinutes } from '../src/content/lesson-time';
import { parseStepsFile } from '../src/content/steps-file';
import type { Lesson, LessonSummary } from '../src/content/types';

type Meta = { ok: true; meta: Record<string, unknown> } | { ok: false; error: string };

function readMeta(file: string): Meta {
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
			const read = readMeta(join(root, d.name, 'lesson.json'));
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
	return readLessonFolder(root, summary);
}

/**
 * Builds the lesson `summary` names from its folder under `root`; `read` hears of each file
 * looked at (the site's build watches them). Broken files are reported, never thrown.
 */
export async function readLessonFolder(
	root: string,
	summary: LessonSummary,
	read: (file: string) => void = () => {}
): Promise<Lesson | { error: string }> {
	const dir = join(root, summary.folder);
	const file = (name: string) => {
		const path = join(dir, name);
		read(path);
		return path;
	};
	const meta = readMeta(file('lesson.json'));
	if (!meta.ok) return { error: meta.error };
	const prose = file('lesson.md');
	const steps = file('steps.md');
	return buildLesson(
		summary,
		meta.meta,
		existsSync(prose) ? lessonHtml(readFileSync(prose, 'utf8'), false) : '',
		existsSync(steps) ? parseStepsFile(steps, readFileSync(steps, 'utf8')) : null,
		// A plain name inside the folder only, as lesson.json's own files are.
		async (name) => {
			if (!/^[\w-][\w.-]*\.(json|py)$/.test(name)) return null;
			const path = file(name);
			return existsSync(path) ? readFileSync(path, 'utf8') : null;
		}
	);
}
