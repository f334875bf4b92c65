import { formatEvent, type SimResult, type TraceEvent } from '../../simulations/index';
import { foldLines, type TimedLine } from './fold';

/**
 * The reviewed golden form of a run: one section per actor (lane), the loop first with one line
 * per `_run_once` (what select returned and the batch it ran, in order), the other actors one line
 * per instant it changes state; periodic cycles fold into counted lines (see `foldLines`).
 */
export function formatLanes(result: SimResult): string {
	const trace = result.trace ?? [];
	const actors = [...new Set(['loop', ...trace.map((e) => e.actor)])];
	const lanes = actors.flatMap((actor) => {
		const events = trace.filter((e) => e.actor === actor);
		if (events.length === 0) return [];
		const lines = actor === 'loop' ? loopLines(events) : stateLines(events);
		return ['', `## ${actor}`, ...foldLines(lines)];
	});
	const hung = result.hung ? [`# hung at ${result.hung.atMs} ms: ${result.hung.reason}`] : [];
	return [`# ${result.scenario}: ${result.outcome} at ${result.endMs} ms`, ...lanes, ...hung]
		.join('\n')
		.concat('\n');
}

/** What `formatTimeline` says about an event, without its time and actor columns. */
function eventText(e: TraceEvent): string {
	return formatEvent(e).slice(`${e.t.toFixed(3).padStart(10)}  ${e.actor.padEnd(12)} `.length);
}

// An actor's changes at one instant share a line: `ready → running → beat`.
function stateLines(events: TraceEvent[]): TimedLine[] {
	const lines: TimedLine[] = [];
	for (const e of events) {
		const last = lines[lines.length - 1];
		if (last?.t === e.t) last.text += ` → ${eventText(e)}`;
		else lines.push({ t: e.t, text: eventText(e) });
	}
	return lines;
}

interface Run {
	t: number;
	cb: string;
	via: string;
	ms: number | null;
	notes: string[];
}

interface Iteration {
	t: number;
	select: string;
	woke: string | null;
	notes: string[];
	runs: Run[];
}

const ms = (x: number) => `${+x.toFixed(3)} ms`;

// Times inside a line are relative to the line's own time, so a periodic cycle repeats exactly.
function loopLines(events: TraceEvent[]): TimedLine[] {
	const lines: TimedLine[] = [];
	const queued = new Map<string, string[]>();
	let iteration: Iteration | null = null;
	let run: Run | null = null;
	let previous: TraceEvent | null = null;
	const flush = () => {
		if (iteration) lines.push(...iterationLines(iteration));
		iteration = null;
	};
	for (const e of events) {
		const since = run?.t ?? iteration?.t ?? e.t;
		const offset = e.t !== since ? ` +${ms(e.t - since)}` : '';
		const note = (text: string) => {
			if (run) run.notes.push(`${text}${offset}`);
			else if (iteration) iteration.notes.push(`${text}${offset}`);
			else lines.push({ t: e.t, text });
		};
		if (e.type === 'select') {
			flush();
			const t = e.detail.timeoutMs;
			iteration = {
				t: e.t,
				select: `select(${t === null ? 'None' : ms(t)})`,
				woke: null,
				notes: [],
				runs: []
			};
		} else if (e.type === 'wake' && iteration) {
			[iteration.t, iteration.woke] = [e.t, e.detail.reason];
		} else if (e.type === 'enqueue') {
			queued.set(e.detail.cb, [...(queued.get(e.detail.cb) ?? []), e.detail.via]);
		} else if (e.type === 'run') {
			run = {
				t: e.t,
				cb: e.detail.cb,
				via: queued.get(e.detail.cb)?.shift() ?? '?',
				ms: null,
				notes: []
			};
			if (!iteration) iteration = { t: e.t, select: 'no select', woke: null, notes: [], runs: [] };
			iteration.runs.push(run);
		} else if (e.type === 'return' && run) {
			run.ms = e.detail.ms;
			run = null;
		} else if (e.type === 'timer') {
			note(`timer +${ms(e.detail.at - e.t)}: ${e.detail.cb}`);
		} else if (!implied(e, previous)) {
			note(eventText(e));
		}
		previous = e;
	}
	flush();
	const never = [...queued].flatMap(([cb, vias]) => vias.map((via) => `${cb} [${via}]`));
	const end = events[events.length - 1].t;
	return never.length > 0
		? [...lines, { t: end, text: `queued, never ran: ${never.join('; ')}` }]
		: lines;
}

// The loop's own state changes that its select and wake already say: selecting right after
// select(), running right after select returns; a batch's size is its list of callbacks.
function implied(e: TraceEvent, previous: TraceEvent | null): boolean {
	if (e.type === 'batch') return true;
	if (e.type !== 'thread' || previous === null || previous.t !== e.t) return false;
	return (
		(e.detail.state === 'selecting' && previous.type === 'select') ||
		(e.detail.state === 'running' && e.detail.doing === null && previous.type === 'wake')
	);
}

// One line for a batch of one callback; a header and one indented line per callback otherwise.
function iterationLines(i: Iteration): TimedLine[] {
	const notes = i.notes.length > 0 ? ` (${i.notes.join('; ')})` : '';
	const woke = i.woke === null ? `${i.select} never returns` : `${i.select} → ${i.woke}`;
	if (i.runs.length <= 1) {
		const run = i.runs.length === 1 ? `: ${runText(i.runs[0])}` : '';
		return [{ t: i.t, text: `${woke}${notes}${run}` }];
	}
	return [
		{ t: i.t, text: `${woke}${notes}, ${i.runs.length} callbacks:` },
		...i.runs.map((r) => ({ t: r.t, text: `  ${runText(r)}` }))
	];
}

function runText(r: Run): string {
	const took = r.ms === null ? ' still running' : r.ms > 0 ? ` ${ms(r.ms)}` : '';
	return `${r.cb} [${r.via}]${took}${r.notes.length > 0 ? ` (${r.notes.join('; ')})` : ''}`;
}
