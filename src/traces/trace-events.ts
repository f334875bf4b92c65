// Shared reading of the Chrome Trace Event Format, which our recorder and viztracer both write.

/** One event as the format allows it; only the fields the importers read. */
export interface TraceEvent {
	ph: string;
	name?: string;
	cat?: string;
	ts?: number;
	dur?: number;
	pid?: number | string;
	tid?: number | string;
	id?: number | string;
	args?: Record<string, unknown>;
}

/** The events of the object form ({traceEvents: [...]}) or the array form, or what is wrong. */
export function readEvents(
	doc: unknown
): { ok: true; events: TraceEvent[] } | { ok: false; message: string } {
	const list = Array.isArray(doc) ? doc : (doc as { traceEvents?: unknown })?.traceEvents;
	if (!Array.isArray(list)) return { ok: false, message: 'no traceEvents array' };
	const events: TraceEvent[] = [];
	for (let i = 0; i < list.length; i++) {
		const e = list[i] as TraceEvent;
		if (typeof e !== 'object' || e === null || typeof e.ph !== 'string')
			return { ok: false, message: `traceEvents[${i}] has no "ph" (event type)` };
		if (e.ph !== 'M' && typeof e.ts !== 'number')
			return { ok: false, message: `traceEvents[${i}] (${e.ph}) has no numeric "ts"` };
		if (e.ph === 'X' && typeof e.dur !== 'number')
			return {
				ok: false,
				message: `traceEvents[${i}] is a complete event (X) with no numeric "dur"`
			};
		events.push(e);
	}
	return { ok: true, events };
}

/** The earliest timestamp of any timed event, in µs (0 for none). */
export function originOf(events: TraceEvent[]): number {
	let min = Infinity;
	for (const e of events) if (e.ph !== 'M' && e.ts! < min) min = e.ts!;
	return min === Infinity ? 0 : min;
}

/** Thread names from the `thread_name` metadata events, by "pid:tid". */
export function threadNames(events: TraceEvent[]): Map<string, string> {
	const names = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name')
			names.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
	return names;
}

/** µs since the origin as ms, rounded to the µs. */
export const msFrom = (originUs: number, ts: number): number => Math.round(ts - originUs) / 1000;
