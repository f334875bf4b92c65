// `event-loop-lab simulate FILE [--engine model] [--trace | --timeline]`: result@1 JSON on stdout.
import { readFileSync } from 'node:fs';
import { formatTimeline, parseScenario, simulate, type ScenarioError } from '../simulations/index';
import { notYet, type Io } from './io';

/** The usage line of the simulate command. */
export const SIMULATE_USAGE =
	'usage: event-loop-lab simulate [--engine model] [--trace | --timeline] <scenario.json>';

const FLAGS = ['--trace', '--timeline', '--help'];

/** Runs one scenario file through the model engine; returns the exit code (0 valid, 2 not). */
export function simulateCommand(argv: string[], io: Io): number {
	const { engine, rest } = takeEngine(argv);
	const flags = new Set(rest.filter((a) => a.startsWith('--')));
	const files = rest.filter((a) => !a.startsWith('--'));
	const unknown = [...flags].filter((f) => !FLAGS.includes(f));
	if (flags.has('--help')) {
		io.out(`${SIMULATE_USAGE}\n`);
		return 0;
	}
	if (engine === 'cpython') return notYet(io, '--engine cpython', 'exact mode');
	if (engine !== 'model') unknown.push(`--engine ${engine ?? '(missing)'}`);
	if (files.length !== 1 || unknown.length > 0) {
		const what =
			unknown.length > 0 ? `unknown option ${unknown.join(', ')}` : 'name one scenario file';
		io.err(`${what}\n${SIMULATE_USAGE}\n`);
		return 2;
	}
	let text: string;
	try {
		text = readFileSync(files[0], 'utf8');
	} catch (e) {
		io.err(`cannot read ${files[0]}: ${(e as Error).message}\n`);
		return 2;
	}
	const parsed = parseScenario(text);
	if (!parsed.ok) {
		io.err(parsed.errors.map((e) => formatError(files[0], e)).join('\n') + '\n');
		return 2;
	}
	const timeline = flags.has('--timeline');
	const result = simulate(parsed.scenario, { trace: timeline || flags.has('--trace') });
	io.out(timeline ? formatTimeline(result) : `${JSON.stringify(result, null, 2)}\n`);
	return 0;
}

// `--engine X` and `--engine=X`; the model engine is the default.
function takeEngine(argv: string[]): { engine: string | undefined; rest: string[] } {
	const rest: string[] = [];
	let engine: string | undefined = 'model';
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--engine') engine = argv[++i];
		else if (argv[i].startsWith('--engine=')) engine = argv[i].slice('--engine='.length);
		else rest.push(argv[i]);
	}
	return { engine, rest };
}

function formatError(file: string, e: ScenarioError): string {
	const where = e.line === undefined ? file : `${file}:${e.line}:${e.column ?? 1}`;
	return `${where}: ${e.code}: ${e.message}\n  hint: ${e.hint}`;
}
