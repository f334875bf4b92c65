// `event-loop-lab sweep FILE --param P --from A --to B [--points N] [--step PATH] [--arrival N] [--json]`:
// the scenario run at each value of one parameter, with p99 latency, max loop lag and throughput.
import { type Scenario } from '../simulations/index';
import {
	planSweep,
	sweep,
	sweepOptions,
	type SweepKind,
	type SweepParam,
	type SweepPoint
} from '../simulations/sweep/index';
import { parsePath } from '../src/content/scenario-path';
import type { Io } from './io';
import { readScenario } from './simulate';

/** The usage line of the sweep command. */
export const SWEEP_USAGE =
	'usage: event-loop-lab sweep --param count|rate|pool|work|share --from A --to B [--points N] [--step handlers.H.steps[i]] [--arrival N] [--json] <scenario.json>';

const PARAMS: Record<string, SweepKind> = {
	count: 'requestCount',
	rate: 'requestRate',
	pool: 'poolSize',
	work: 'workMs',
	share: 'blockingShare'
};
const VALUED = ['--param', '--from', '--to', '--points', '--step', '--arrival'];

/** Prints the sweep as a table (or JSON); exits 2 on bad input, naming what is wrong. */
export function sweepCommand(argv: string[], io: Io): number {
	const opts = new Map<string, string>();
	const files: string[] = [];
	let json = false;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		if (flag === '--help') return (io.out(`${SWEEP_USAGE}\n`), 0);
		if (flag === '--json') json = true;
		else if (VALUED.includes(flag)) {
			const value = inline ?? argv[++i];
			if (value === undefined) return usage(io, `${flag} needs a value`);
			opts.set(flag, value);
		} else if (flag.startsWith('--')) return usage(io, `unknown option ${flag}`);
		else files.push(argv[i]);
	}
	if (files.length !== 1) return usage(io, 'name one scenario file');
	const kind = PARAMS[opts.get('--param') ?? ''];
	if (!kind) return usage(io, `--param must be one of ${Object.keys(PARAMS).join(', ')}`);
	const read = readScenario(io, files[0]);
	if (!read) return 2;
	const doc = JSON.parse(read.text) as unknown;
	const param = paramOf(kind, opts, doc, read.scenario, io);
	if (!param) return 2;
	const plan = planSweep(doc, param, {
		from: number(opts.get('--from')),
		to: number(opts.get('--to')),
		points: number(opts.get('--points') ?? '10')
	});
	if (!plan.ok) {
		io.err(
			plan.problems
				.map(
					(p) =>
						`${files[0]}: ${p.replace(/^(From|To|Points):/, (w) => `--${w.slice(0, -1).toLowerCase()}:`)}`
				)
				.join('\n') + '\n'
		);
		return 2;
	}
	const points = sweep(doc, plan.spec);
	io.out(
		json
			? `${JSON.stringify({ param, label: plan.option.label, unit: plan.option.unit, points }, null, 2)}\n`
			: table(`${plan.option.label}${plan.option.unit ? ` (${plan.option.unit})` : ''}`, points)
	);
	return 0;
}

/** The parameter the options name; a step or arrivals entry left out is the only one there is. */
function paramOf(
	kind: SweepKind,
	opts: Map<string, string>,
	doc: unknown,
	scenario: Scenario,
	io: Io
): SweepParam | null {
	const ofKind = sweepOptions(doc, scenario).filter((o) => o.param.kind === kind);
	const choices = ofKind.map((o) => o.target).join('; ') || 'none';
	if (kind === 'requestCount' || kind === 'requestRate') {
		const arrival = number(opts.get('--arrival') ?? '0');
		const found = ofKind.find((o) => 'arrival' in o.param && o.param.arrival === arrival);
		if (!found)
			io.err(
				`--arrival: this scenario has no arrivals[${opts.get('--arrival') ?? 0}] (it has: ${choices})\n`
			);
		return found?.param ?? null;
	}
	if (kind === 'poolSize') return { kind };
	const step = opts.get('--step');
	if (step === undefined && ofKind.length === 1) return ofKind[0].param;
	const path = step === undefined ? null : parsePath(step);
	const found =
		path && ofKind.find((o) => 'step' in o.param && o.param.step.join() === path.join());
	if (!found)
		io.err(
			`--step: ${step === undefined ? 'name the step' : `no such step: ${step}`} (steps you can sweep: ${choices})\n`
		);
	return found ? found.param : null;
}

function table(axis: string, points: SweepPoint[]): string {
	const head = [
		axis,
		'p99 latency (ms)',
		'max loop lag (ms)',
		'throughput (requests/s)',
		'outcome'
	];
	const rows = points.map((p) =>
		p.ok
			? [
					String(p.value),
					`${p.p99AtLeast ? '>= ' : ''}${p.p99Ms ?? '-'}`,
					`${p.maxLagAtLeast ? '>= ' : ''}${p.maxLagMs ?? '-'}`,
					String(p.throughputPerS ?? '-'),
					`${p.outcome}${p.unfinished ? `, ${p.unfinished} unfinished` : ''}${p.failed ? `, ${p.failed} failed` : ''}`
				]
			: [String(p.value), `not valid: ${p.problem}`]
	);
	const widths = head.map((h, i) =>
		Math.max(h.length, ...rows.map((r) => (r.length > 2 ? r[i].length : 0)))
	);
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c))
			.join('  ')
			.trimEnd();
	return [head, ...rows].map(line).join('\n') + '\n';
}

function number(text: string | undefined): number {
	return text === undefined || text.trim() === '' ? NaN : Number(text);
}

function usage(io: Io, what: string): number {
	io.err(`${what}\n${SWEEP_USAGE}\n`);
	return 2;
}
