// `event-loop-lab simulate FILE [--engine model|cpython] [--trace | --timeline | --chrome-trace]`:
// result@1 JSON on stdout (or the timeline text, or a Chrome Trace file for Perfetto).
import {
	parseScenario,
	simulate,
	type Scenario,
	type ScenarioError,
	type SimResult,
	timelineLines
} from '../simulations/index';
import { runTrace } from '../src/export/chrome-trace';
import { readText, type Io } from './io';
import { jsonChunks, writeChunks } from './json-stream';

/** The usage line of the simulate command. */
export const SIMULATE_USAGE =
	'usage: event-loop-lab simulate [--engine model|cpython] [--trace | --timeline | --chrome-trace] <scenario.json>';

const FLAGS = ['--trace', '--timeline', '--chrome-trace', '--help'];

/**
 * Runs one scenario file through the model engine or CPython's loop (exact mode); returns the
 * exit code (0 valid, 2 not: bad input, or a scenario CPython cannot run yet).
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
	const text = readText(io, files[0]);
	if (text === null) return 2;
	const parsed = parseScenario(text);
	if (!parsed.ok) {
		io.err(parsed.errors.map((e) => formatError(files[0], e)).join('\n') + '\n');
		return 2;
	}
	const timeline = flags.has('--timeline');
	const chrome = flags.has('--chrome-trace');
	const trace = timeline || chrome || flags.has('--trace');
	const result =
		engine === 'model'
			? simulate(parsed.scenario, { trace })
			: await runOnCPython(parsed.scenario, trace);
	// Written as a stream: the text of a long traced run is longer than any one string can be.
	const output = chrome
		? jsonChunks(runTrace(result, { scenario: parsed.scenario.id, engine }))
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

function formatError(file: string, e: ScenarioError): string {
	const where = e.line === undefined ? file : `${file}:${e.line}:${e.column ?? 1}`;
	return `${where}: ${e.code}: ${e.message}\n  hint: ${e.hint}`;
}
