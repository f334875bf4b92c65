import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { listLessonFiles, readLessonFolder } from '../../cli/lesson-files';

const ID = 'virtual:lesson-index';
const BUILT = /\/lesson\.json\?(lesson|prose)$/;

/**
 * `virtual:lesson-index`: each lesson folder's summary (name, title, path, minutes), read at build
 * time, so pages list lessons without bundling any lesson. `lessons/<folder>/lesson.json?lesson`:
 * that lesson built from its folder (steps.md parsed, scenarios checked, with their Python) as
 * the stage draws it, so a page loads one module per lesson and ships none of the parsers and
 * checks; `…?prose`: the rest, its prose (lesson.md as HTML) and question, which only the lesson
 * page shows.
 */
export function lessonIndex(folder = 'lessons'): Plugin {
	const root = resolve(folder);
	return {
		name: 'lesson-index',
		resolveId: (id) => (id === ID ? `\0${ID}` : null),
		// A lesson folder added or removed while the dev server runs: rebuild the index, reload.
		configureServer(server) {
			const changed = (path: string) => {
				if (!/lesson\.json$/.test(path)) return;
				const mod = server.moduleGraph.getModuleById(`\0${ID}`);
				if (mod) server.moduleGraph.invalidateModule(mod);
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('add', changed);
			server.watcher.on('unlink', changed);
		},
		async load(id) {
			const part = BUILT.exec(id)?.[1];
			if (part && dirname(dirname(id)) === root) {
				const name = basename(dirname(id));
				const summary = listLessonFiles(root).find((l) => l.folder === name);
				// Each file the lesson reads, there or not, rebuilds it when it changes.
				const lesson = summary
					? await readLessonFolder(root, summary, (file) => this.addWatchFile(file))
					: { error: `${name} is not a lesson folder (NN-slug).` };
				if ('error' in lesson) return `export default ${JSON.stringify(lesson)};`;
				const { proseHtml, question, ...stage } = lesson;
				const out = part === 'prose' ? { proseHtml, question } : stage;
				return `export default ${JSON.stringify(out)};`;
			}
			if (id !== `\0${ID}`) return null;
			const summaries = listLessonFiles(root);
			for (const { folder } of summaries)
				for (const file of ['lesson.json', 'steps.md']) this.addWatchFile(join(root, folder, file));
			return `export default ${JSON.stringify(summaries)};`;
		}
	};
}
