import type { CodeDiagnostic } from './code-diagnostics';

export interface TracebackOptions {
	/** The learner's file as CPython names it in a frame (`File "<lab>"`). */
	file?: string;
	/** The file's text: lets a caret line (`^^^`, `~~^~~`) become exact columns. */
	source?: string;
}

interface Frame {
	line: number;
	func?: string;
	/** The code line CPython printed under the frame, as printed (indented by 4). */
	code?: string;
	from?: number;
	to?: number;
}

const FRAME = /^ {2}File "(.+)", line (\d+)(?:, in (.+))?$/;
const EXCEPTION = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;
const CARETS = /^\s*[~^][~^ ]*$/;
// `warnings` prints `file:line: Category: message`, then the line's code indented.
const WARNING = /^(.+):(\d+): ([A-Za-z_]\w*): (.*)$/;
// ANSI colours: Python 3.13 colours tracebacks written to a terminal.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * The marks for the learner's file from what CPython printed: for each exception, an error at
 * the innermost frame in `file` (at the caret's columns where CPython drew them and `source`
 * confirms the line) and an info mark at each call in `file` that led there; for each warning
 * `file:N: Category: message`, a warning. Exception groups (`| ` lines), chained exceptions and
 * syntax errors are read the same way; frames in other files are skipped.
 */
export function tracebackDiagnostics(
	text: string,
	options: TracebackOptions = {}
): CodeDiagnostic[] {
	const file = options.file ?? '<lab>';
	const sourceLines = options.source?.split('\n');
	const marks: CodeDiagnostic[] = [];
	let frames: Frame[] | null = null;
	let last: Frame | 'other' | null = null;
	for (const raw of text.replace(ANSI, '').split('\n')) {
		const line = raw.replace(/^(?:\s*\|(?= |$) ?)+/, '').trimEnd();
		if (/^\s*\+/.test(line) || line.startsWith('Traceback (most recent call last):')) {
			if (line.includes('Traceback (most recent call last):')) frames = [];
			last = null;
			continue;
		}
		const frame = FRAME.exec(line);
		if (frame && frames) {
			last = frame[1] === file ? { line: Number(frame[2]), func: frame[3] } : 'other';
			if (last !== 'other') frames.push(last);
			continue;
		}
		if (line.startsWith('    ') && typeof last === 'object' && last) {
			if (last.code === undefined) last.code = line;
			else if (CARETS.test(line)) placeCarets(last, line, sourceLines);
			continue;
		}
		const exception = frames && EXCEPTION.exec(line);
		if (frames && exception) {
			marks.push(...exceptionMarks(frames, line));
			frames = null;
			last = null;
			continue;
		}
		const warning = WARNING.exec(line);
		if (warning && warning[1] === file) {
			marks.push({
				line: Number(warning[2]),
				severity: 'warning',
				message: `${warning[3]}: ${warning[4]}`
			});
		}
	}
	return unique(marks);
}

/** The error at the innermost frame in the file and an info mark at each call that led there. */
function exceptionMarks(frames: readonly Frame[], exception: string): CodeDiagnostic[] {
	const inner = frames.at(-1);
	if (!inner) return [];
	const where = `line ${inner.line}${inner.func ? `, in ${inner.func}` : ''}`;
	return frames.map((f) =>
		f === inner
			? { line: f.line, column: f.from, endColumn: f.to, severity: 'error', message: exception }
			: { line: f.line, severity: 'info', message: `This call led to ${where}: ${exception}` }
	);
}

/**
 * Columns from a caret line. CPython prints the code without its indentation (4 spaces instead)
 * and the carets under that, so the source's own indent is added back, when the source is known
 * and its line is the one printed.
 */
function placeCarets(frame: Frame, carets: string, source: readonly string[] | undefined): void {
	const code = frame.code ?? '';
	const text = source?.[frame.line - 1];
	if (text === undefined || text.trim() !== code.trim()) return;
	const indent = text.length - text.trimStart().length;
	const start = carets.search(/[~^]/);
	const end = carets.trimEnd().length;
	frame.from = indent + start - 4 + 1;
	frame.to = indent + end - 4 + 1;
}

function unique(marks: CodeDiagnostic[]): CodeDiagnostic[] {
	const seen = new Set<string>();
	return marks.filter((m) => {
		const key = `${m.line}:${m.column}:${m.severity}:${m.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
