import type { TraceBody, TraceEvent, TraceType } from '../../simulations/index';

/**
 * A trace event named by what it is, never by how the timeline prints it: its actor, its type,
 * the detail fields it must have (compared as text) and which match, counting from 1.
 */
export interface EventAnchor {
	actor: string;
	type: TraceType;
	detail: Record<string, string>;
	occurrence: number;
}

type DetailFields = {
	[K in TraceType]: readonly (keyof Extract<TraceBody, { type: K }>['detail'] & string)[];
};

// The detail fields an anchor may name, per event type; the mapped type keeps it in step with
// trace.ts, so a misspelt field in steps.md is reported instead of never matching.
const FIELDS: DetailFields = {
	arrive: ['waitsAt'],
	select: ['timeoutMs'],
	wake: ['reason'],
	batch: ['n'],
	enqueue: ['cb', 'via', 'timer', 'request'],
	run: ['cb'],
	return: ['cb', 'ms'],
	timer: ['id', 'at', 'cb'],
	thread: ['state', 'doing', 'kind'],
	handoff: ['from', 'to', 'kind', 'what', 'woke'],
	log: ['source', 'text'],
	gil: ['holder', 'joined', 'left'],
	lock: ['kind', 'holder', 'joined', 'left'],
	pool: ['threads', 'joined', 'left'],
	task: ['state', 'on'],
	done: ['status', 'error'],
	beat: [],
	lag: ['lagMs'],
	rpc: ['id', 'what'],
	warning: ['kind', 'message'],
	hung: ['reason'],
	stopped: ['why', 'reason'],
	end: ['outcome']
};

const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
// A word, or a field with a value in double quotes (the one place spaces may appear).
const TOKEN = /([A-Za-z]+)="([^"]*)"|(\S+)/g;

/**
 * Reads an anchor written as `[2nd] <actor> <type> [field=value …]` (a value with spaces in
 * double quotes), e.g. `loop batch n=6` or `r1 done status=error`; a problem comes back as text.
 */
export function parseAnchor(text: string): EventAnchor | { error: string } {
	const words = [...text.matchAll(TOKEN)].map((m) => m[3] ?? `${m[1]}=${m[2]}`);
	const ordinal = ORDINAL.exec(words[0] ?? '');
	if (ordinal) words.shift();
	const occurrence = ordinal ? Number(ordinal[1]) : 1;
	const [actor, type, ...pairs] = words;
	if (!actor || !type || actor.includes('=') || type.includes('=')) {
		return { error: `anchor "${text}" needs an actor and an event type` };
	}
	if (!Object.hasOwn(FIELDS, type))
		return { error: `anchor "${text}": unknown event type "${type}"` };
	const known: readonly string[] = FIELDS[type as TraceType];
	const detail: Record<string, string> = {};
	for (const pair of pairs) {
		const eq = pair.indexOf('=');
		const field = pair.slice(0, eq);
		if (eq < 1) return { error: `anchor "${text}": expected field=value, found ${pair}` };
		if (!known.includes(field)) {
			const names = known.join(', ') || 'none';
			return {
				error: `anchor "${text}": ${type} events have no field "${field}" (fields: ${names})`
			};
		}
		detail[field] = pair.slice(eq + 1);
	}
	if (occurrence < 1) return { error: `anchor "${text}": occurrences count from 1st` };
	return { actor, type: type as TraceType, detail, occurrence };
}

// Detail values are compared as text: that is how steps.md writes them (n=6, holder=null).
function matchesAnchor(e: TraceEvent, a: EventAnchor): boolean {
	if (e.actor !== a.actor || e.type !== a.type) return false;
	const detail = e.detail as Record<string, unknown>;
	return Object.entries(a.detail).every(([k, v]) => String(detail[k]) === v);
}

/** Index of the event `a` names, counting matches at or after `t`, or -1. */
export function findAnchor(trace: readonly TraceEvent[], t: number, a: EventAnchor): number {
	let seen = 0;
	for (let i = 0; i < trace.length; i++) {
		if (trace[i].t >= t && matchesAnchor(trace[i], a) && ++seen === a.occurrence) return i;
	}
	return -1;
}
