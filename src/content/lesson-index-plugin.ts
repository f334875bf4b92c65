import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { lessonHtml } from './lesson-html';
import { stepsFileMinutes } from './lesson-time';
import { parseStepsFile } from './steps-file';

const ID = 'virtual:lesson-index';

/**
 * `virtual:lesson-index`: each lesson folder's name, title, summary and path, read at build time.
 * Pages list lessons from it without bundling every lesson's steps (a glob of lesson.json keeps
 * the whole file in the first chunk, whichever fields it imports). It also turns each lesson's
 * steps.md into its parsed steps and its lesson.md into HTML at build time, so the page ships
 * neither the steps parser nor a Markdown parser.
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
		load(id) {
			if (dirname(dirname(id)) === root && id.endsWith('/steps.md')) {
				const steps = parseStepsFile(relative(process.cwd(), id), readFileSync(id, 'utf8'));
				return `export default ${JSON.stringify(steps)};`;
			}
			if (dirname(dirname(id)) === root && id.endsWith('/lesson.md')) {
				return `export default ${JSON.stringify(lessonHtml(readFileSync(id, 'utf8'), false))};`;
			}
			if (id !== `\0${ID}`) return null;
			const entries = readdirSync(root, { withFileTypes: true })
				.filter((d) => d.isDirectory())
				.flatMap((d) => {
					const file = join(root, d.name, 'lesson.json');
					this.addWatchFile(file);
					try {
						const meta = JSON.parse(readFileSync(file, 'utf8'));
						const { title, summary, path, spot } = meta;
						return [
							{
								folder: d.name,
								title,
								summary,
								path,
								spot,
								minutes: stepsFileMinutes(join(root, d.name, 'steps.md'))
							}
						];
					} catch {
						// A broken lesson.json is reported when the lesson loads, with the reason.
						return [{ folder: d.name }];
					}
				});
			return `export default ${JSON.stringify(entries)};`;
		}
	};
}
