// Node module hooks: `import text from './x.py?raw'` gives the file's text, as Vite does.
import { readFile } from 'node:fs/promises';

export async function load(url, context, next) {
	if (!url.startsWith('file:') || !url.endsWith('?raw')) return next(url, context);
	const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
	return {
		format: 'module',
		source: `export default ${JSON.stringify(text)};`,
		shortCircuit: true
	};
}
