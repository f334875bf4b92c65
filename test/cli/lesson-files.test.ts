import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import { listLessons } from '../../src/content/lesson-list';
import { loadLesson } from '../../src/content/lessons';
import { tempDir } from '../temp-dir';

// The command line reads lessons/ with node:fs; the app gets each lesson built by the same reader
// at build time, as a module: both must give the same lessons (nothing lost on the way into the
// module), so a picture from the command line shows what the page shows.
describe('listLessonFiles(root)', () => {
	it('lists the same lessons, in the same order, as the app', () => {
		expect(listLessonFiles('lessons')).toEqual(listLessons());
	});
});

describe('readLessonFiles(root, slug)', () => {
	for (const { slug } of listLessons()) {
		it(`loads ${slug} exactly as loadLesson does`, async () => {
			expect(await readLessonFiles('lessons', slug)).toEqual(await loadLesson(slug));
		});
	}

	it('reports an unknown lesson instead of throwing', async () => {
		expect(await readLessonFiles('lessons', 'no-such-lesson')).toEqual({
			error: 'There is no lesson called “no-such-lesson”.'
		});
	});

	it('reads scenario files only from inside the lesson folder', async () => {
		const root = tempDir('ell-lessons-');
		cpSync('lessons/01-restaurant', join(root, '01-restaurant'), { recursive: true });
		const meta = join(root, '01-restaurant', 'lesson.json');
		const json = JSON.parse(readFileSync(meta, 'utf8'));
		json.variants[0].scenario = '../../package.json';
		writeFileSync(meta, JSON.stringify(json));
		const loaded = await readLessonFiles(root, 'restaurant');
		expect(loaded).toMatchObject({ error: expect.stringContaining('no file ../../package.json') });
	});

	it('reports a broken lesson.json with its path', async () => {
		const root = tempDir('ell-lessons-');
		cpSync('lessons/01-restaurant', join(root, '01-restaurant'), { recursive: true });
		writeFileSync(join(root, '01-restaurant', 'lesson.json'), '{ "title": ');
		const loaded = await readLessonFiles(root, 'restaurant');
		expect(loaded).toMatchObject({ error: expect.stringContaining('lesson.json') });
	});
});
