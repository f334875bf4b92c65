// `event-loop-lab trace FILE [--json] [--threshold MS]`: what blocked the loop in a recorded run.
import { importTrace, stallTable, STALL_MS, summarise } from '../src/traces/index';
import { readText, type Io } from './io';

/** The usage line of the trace command. */
export const TRACE_USAGE =
	'usage: event-loop-lab trace [--json] [--threshold MS] <trace.json>   (event_loop_lab_record.py, viztracer --log_async, OTLP/JSON)';

/** Prints the stall table (or the trace-summary@1 JSON); exits 2 when the file cannot be read. */
export function traceCommand(argv: string[], io: Io): number {
	const args = argv[0] === 'import' ? argv.slice(1) : argv; // `trace import FILE` reads the same
	let json = false;
	let threshold = STALL_MS;
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--help') {
			io.out(`${TRACE_USAGE}\n`);
			return 0;
		} else if (a === '--json') json = true;
		else if (a === '--threshold' || a.startsWith('--threshold=')) {
			const value = Number(a.includes('=') ? a.split('=')[1] : args[++i]);
			if (!(value >= 0)) return usage(io, '--threshold needs a number of ms');
			threshold = value;
		} else if (a.startsWith('--')) return usage(io, `unknown option ${a}`);
		else files.push(a);
	}
	if (files.length !== 1) return usage(io, 'name one trace file');
	const text = readText(io, files[0]);
	if (text === null) return 2;
	const imported = importTrace(text);
	if (!imported.ok) {
		io.err(`${files[0]}: ${imported.message}\n`);
		return 2;
	}
	io.out(
		json
			? `${JSON.stringify(summarise(imported.model, threshold), null, 2)}\n`
			: stallTable(imported.model, threshold)
	);
	return 0;
}

function usage(io: Io, what: string): number {
	io.err(`${what}\n${TRACE_USAGE}\n`);
	return 2;
}
