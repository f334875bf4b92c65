import type { SimResult } from './result';
import type { TraceEvent, WaiterChanges } from './trace';

/** A readable text timeline, one line per trace event: time, actor, what happened. */
export function formatTimeline(result: SimResult): string {
	return [...timelineLines(result)].join('');
}

/** The timeline's lines, each with its newline, one at a time (a long run's is written as a stream). */
export function* timelineLines(result: SimResult): Generator<string> {
	yield `# ${result.scenario}: ${result.outcome} at ${result.endMs} ms\n`;
	for (const e of result.trace ?? []) yield `${formatEvent(e)}\n`;
	if (result.hung) yield `# hung at ${result.hung.atMs} ms: ${result.hung.reason}\n`;
	if (result.stopped) yield `# stopped at ${result.stopped.atMs} ms: ${result.stopped.reason}\n`;
}

/** One event as a fixed-width line. */
export function formatEvent(e: TraceEvent): string {
	return `${e.t.toFixed(3).padStart(10)}  ${e.actor.padEnd(12)} ${describe(e)}`.trimEnd();
}

function describe(e: TraceEvent): string {
	switch (e.type) {
		case 'arrive':
			return 'request arrives';
		case 'select': {
			const t = e.detail.timeoutMs;
			return t === null ? 'select(timeout=None): sleep until I/O' : `select(timeout=${t} ms)`;
		}
		case 'wake':
			return `select returns (${e.detail.reason})`;
		case 'batch':
			return `run ${e.detail.n} ready callback${e.detail.n === 1 ? '' : 's'}`;
		case 'enqueue':
			return `ready += ${e.detail.cb} [${e.detail.via}]`;
		case 'run':
			return `> ${e.detail.cb}`;
		case 'return':
			return `< ${e.detail.cb} (${e.detail.ms} ms)`;
		case 'timer':
			return `timer at ${e.detail.at}: ${e.detail.cb}`;
		case 'thread':
			return `${e.detail.state}${e.detail.doing ? `: ${e.detail.doing}` : ''}`;
		case 'gil':
			return `GIL ${e.detail.holder ? `held by ${e.detail.holder}` : 'free'}${waiting(e.detail)}`;
		case 'lock':
			return `${e.detail.kind} lock ${e.detail.holder ? `held by ${e.detail.holder}` : 'free'}${waiting(e.detail)}`;
		case 'pool':
			return `threads ${e.detail.threads}${queueing(e.detail)}`;
		case 'task':
			return `${e.detail.state}${e.detail.on ? `: ${e.detail.on}` : ''}`;
		case 'done':
			return `response ${e.detail.status}${e.detail.error ? `: ${e.detail.error}` : ''}`;
		case 'beat':
			return 'beat';
		case 'lag':
			return `lag ${e.detail.lagMs} ms`;
		case 'rpc':
			return e.detail.what;
		case 'handoff':
			return `${e.detail.kind} ${e.detail.from} → ${e.detail.to}: ${e.detail.what}${e.detail.woke ? ' (wakes the loop)' : ''}`;
		case 'warning':
			return `WARNING ${e.detail.kind}: ${e.detail.message}`;
		case 'log':
			return `stderr (${e.detail.source}): ${e.detail.text.split('\n').join(' | ')}`;
		case 'hung':
			return `HUNG: ${e.detail.reason}`;
		case 'stopped':
			return `STOPPED (${e.detail.why}): ${e.detail.reason}`;
		case 'end':
			return `run ends: ${e.detail.outcome}`;
	}
}

// A waiter list's changes, not the list: printing the whole list at every change is quadratic.
function waiting(c: WaiterChanges): string {
	return changes(c, 'starts waiting', 'stops waiting');
}

function queueing(c: WaiterChanges): string {
	return changes(c, 'queued', 'taken');
}

function changes({ joined, left }: WaiterChanges, joins: string, leaves: string): string {
	return [
		left.length > 0 ? `; ${leaves}: ${left.join(', ')}` : '',
		joined.length > 0 ? `; ${joins}: ${joined.join(', ')}` : ''
	].join('');
}
