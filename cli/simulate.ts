// `npm run --silent simulate -- scenario.json [--trace | --timeline]`: result@1 JSON on stdout.
import { readFileSync } from 'node:fs';
import { formatTimeline, parseScenario, simulate, type ScenarioError } from '../simulations/index';

const USAGE = 'usage: npm run --silent simulate -- <scenario.json> [--trace | --timeline]';

function main(argv: string[]): number {
	const flags = new Set(argv.filter((a) => a.startsWith('--')));
	const files = argv.filter((a) => !a.startsWith('--'));
	const unknown = [...flags].filter((f) => !['--trace', '--timeline', '--help'].includes(f));
	if (flags.has('--help')) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	if (files.length !== 1 || unknown.length > 0) {
		const what =
			unknown.length > 0 ? `unknown option ${unknown.join(', ')}` : 'name one scenario file';
		process.stderr.write(`${what}\n${USAGE}\n`);
		return 2;
	}
	let text: string;
	try {
		text = readFileSync(files[0], 'utf8');
	} catch (e) {
		process.stderr.write(`cannot read ${files[0]}: ${(e as Error).message}\n`);
		return 2;
	}
	const parsed = parseScenario(text);
	if (!parsed.ok) {
		process.stderr.write(parsed.errors.map((e) => formatError(files[0], e)).join('\n') + '\n');
		return 2;
	}
	const timeline = flags.has('--timeline');
	const result = simulate(parsed.scenario, { trace: timeline || flags.has('--trace') });
	process.stdout.write(timeline ? formatTimeline(result) : `${JSON.stringify(result, null, 2)}\n`);
	return 0;
}

function formatError(file: string, e: ScenarioError): string {
	const where = e.line === undefined ? file : `${file}:${e.line}:${e.column ?? 1}`;
	return `${where}: ${e.code}: ${e.message}\n  hint: ${e.hint}`;
}

process.exitCode = main(process.argv.slice(2));
