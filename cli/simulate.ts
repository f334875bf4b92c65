// `event-loop-lab simulate FILE [--engine model|cpython] [--trace | --timeline | --chrome-trace]`:
// result@1 JSON on stdout (or the timeline text, or a Chrome Trace file for Perfetto).
import {
	simulate,
	type Scenario,
	type ScenarioError,
	type SimResult,
	timelineLines
} from '../simulations/index';
import { parseScenario } from '../simulations/text';
import { runTrace } from '../src/export/chrome-trace';
import { readText, type Io } from './io';
import { jsonChunks, writeChunks } from './json-stream';

/** The usage line of the simulate command. */
export const SIMULATE_USAGE =
	'usage: event-loop-lab simulate [--engine model|cpython] [--trace | --timeline | --chrome-trace] <scenario.json>';

const FLAGS = ['--trace', '--timeline', '--chrome-trace', '--help'];

/**
 * Runs one scenario file through the model engine or CPython's loop (exact mode); returns the
 * exit code (0 valid, 2 not).
 */
export async function simulateCommand(argv: string[], io: Io): Promise<number> {
	const { engine, rest } = takeEngine(argv);
	const flags = new Set(rest.filter((a) => a.startsWith('--')));
	const files = rest.filter((a) => !a.startsWith('--'));
	const unknown = [...flags].filter((f) => !FLAGS.includes(f));
	if (flags.has('--help')) {
		io.out(`${SIMULATE_USAGE}\n`);
		return 0;
	}
	if (engine !== 'model' && engine !== 'cpython') unknown.push(`--engine ${engine ?? '(missing)'}`);
	if (files.length !== 1 || unknown.length > 0) {
		const what =
			unknown.length > 0 ? `unknown option ${unknown.join(', ')}` : 'name one scenario file';
		io.err(`${what}\n${SIMULATE_USAGE}\n`);
		return 2;
	}
	const read = readScenario(io, files[0]);
	if (!read) return 2;
	const timeline = flags.has('--timeline');
	const chrome = flags.has('--chrome-trace');
	const trace = timeline || chrome || flags.has('--trace');
	const result =
		engine === 'model'
			? simulate(read.scenario, { trace })
			: await runOnCPython(read.scenario, trace);
	// Written as a stream: the text of a long traced run is longer than any one string can be.
	const output = chrome
		? jsonChunks(runTrace(result, { scenario: read.scenario.id, engine }))
		: timeline
			? timelineLines(result)
			: jsonChunks(result, '  ');
	await writeChunks(io, output);
	if (!timeline) await io.out('\n');
	return 0;
}

// Loaded on demand: the model engine's runs never start Pyodide.
async function runOnCPython(scenario: Scenario, trace: boolean): Promise<SimResult> {
	const { runExact } = await import('../src/exact/index');
	const { loadPyodideInNode } = await import('../src/exact/load-node');
	return (await runExact(await loadPyodideInNode(), scenario, { trace })).result;
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

/** The scenario in `file`, or null after printing why it cannot be read or is not valid. */
export function readScenario(io: Io, file: string): { text: string; scenario: Scenario } | null {
	const text = readText(io, file);
	if (text === null) return null;
	const parsed = parseScenario(text);
	if (parsed.ok) return { text, scenario: parsed.scenario };
	io.err(parsed.errors.map((e) => formatError(file, e)).join('\n') + '\n');
	return null;
}

function formatError(file: string, e: ScenarioError): string {
	const where = e.line === undefined ? file : `${file}:${e.line}:${e.column ?? 1}`;
	return `${where}: ${e.code}: ${e.message}\n  hint: ${e.hint}`;
}
