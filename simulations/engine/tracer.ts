import { roundMs } from '../result';
import type { TraceEvent } from '../trace';
import type { Emit } from './capabilities';

/** The run's trace: events stamped with the virtual time and their position, numbers rounded. */
export class Tracer {
	/** The events so far, or null when the run is not traced. */
	readonly events: TraceEvent[] | null;

	constructor(
		private clock: { now(): number },
		enabled: boolean
	) {
		this.events = enabled ? [] : null;
	}

	/** Appends a trace event (only when tracing). */
	readonly emit: Emit = (actor, body) => {
		const trace = this.events;
		if (!trace) return;
		const detail: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(body.detail)) {
			detail[k] = typeof v === 'number' ? roundMs(v) : v;
		}
		trace.push({
			t: roundMs(this.clock.now()),
			seq: trace.length,
			actor,
			type: body.type,
			detail
		} as TraceEvent);
	};
}
