// `npm run export -- <lesson> [--step n] [--out dir] [--theme light|dark] [--format svg|png|both]`:
// static pictures of lesson steps for docs that run no scripts, drawn without a browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { PNG_WIDTH, pictureFileName, stepPictureInputs } from '../src/export/lesson-step-picture';
import { stepPicture } from '../src/export/step-picture';
import { listLessonFiles, readLessonFiles } from './lesson-files';

const USAGE =
	'usage: npm run export -- <lesson> [--step n] [--out dir] [--theme light|dark] [--format svg|png|both]';
const LESSONS = fileURLToPath(new URL('../lessons', import.meta.url));

/** Bad input: its message goes to stderr with the usage, and the exit code is 2. */
class Usage extends Error {}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
	if ((allowed as readonly string[]).includes(value)) return value as T;
	throw new Usage(`--${name} must be one of ${allowed.join(', ')}, not “${value}”`);
}

function png(svg: string): Buffer {
	// DejaVu Sans is the font the picture's text widths are estimated for (see plain-text.ts).
	const font = {
		loadSystemFonts: true,
		defaultFontFamily: 'DejaVu Sans',
		sansSerifFamily: 'DejaVu Sans',
		monospaceFamily: 'DejaVu Sans Mono'
	};
	return new Resvg(svg, { fitTo: { mode: 'width', value: PNG_WIDTH }, font }).render().asPng();
}

/** Writes one picture and names it on stdout; an unwritable place is the caller's input to fix. */
function save(dir: string, name: string, data: string | Buffer): void {
	const path = join(dir, name);
	try {
		mkdirSync(dir, { recursive: true });
		writeFileSync(path, data);
	} catch (e) {
		throw new Usage(`cannot write ${path}: ${(e as Error).message}`);
	}
	process.stdout.write(`${path}\n`);
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			step: { type: 'string' },
			out: { type: 'string', default: 'exports' },
			theme: { type: 'string', default: 'light' },
			format: { type: 'string', default: 'both' },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	if (positionals.length !== 1) throw new Usage('name one lesson');
	const theme = oneOf('theme', values.theme, ['light', 'dark'] as const);
	const format = oneOf('format', values.format, ['svg', 'png', 'both'] as const);
	const known = listLessonFiles(LESSONS);
	// The slug as in the lesson's URL, or its folder name as in lessons/.
	const summary = known.find((l) => l.slug === positionals[0] || l.folder === positionals[0]);
	if (!summary)
		throw new Usage(
			`there is no lesson called “${positionals[0]}”; the lessons are: ${known.map((l) => l.slug).join(', ')}`
		);
	const lesson = await readLessonFiles(LESSONS, summary.slug);
	if ('error' in lesson) throw new Usage(lesson.error);
	const count = lesson.steps.length;
	let steps = lesson.steps.map((_, i) => i + 1);
	if (values.step !== undefined) {
		const n = Number(values.step);
		if (!/^\d+$/.test(values.step))
			throw new Usage(`--step must be a step number from 1 to ${count}, not “${values.step}”`);
		if (n < 1 || n > count)
			throw new Usage(`--step ${n} is out of range: lesson ${lesson.slug} has steps 1 to ${count}`);
		steps = [n];
	}
	const inputs = stepPictureInputs(lesson);
	for (const n of steps) {
		const svg = stepPicture(inputs(n - 1), theme);
		if (format !== 'png') save(values.out, pictureFileName(lesson.slug, n, 'svg'), svg);
		if (format !== 'svg') save(values.out, pictureFileName(lesson.slug, n, 'png'), png(svg));
	}
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(e: unknown) => {
		// parseArgs reports unknown options and missing values as TypeErrors with a readable message.
		const usage = e instanceof Usage || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
		if (!usage) throw e;
		process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
		process.exitCode = 2;
	}
);
