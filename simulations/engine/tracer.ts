import { roundMs } from '../result';
import type { TraceBody, TraceEvent } from '../trace';
import type { Emit } from './capabilities';

/** The run's trace: events stamped with the virtual time and their position, numbers rounded. */
export class Tracer {
	/** The events so far, or null when the run is not traced. */
	readonly events: TraceEvent[] | null;
	/**
	 * Events emitted through `emit` so far, counted also when the run is not traced (the event
	 * budget reads it): the same for a traced and an untraced run of one scenario.
	 */
	count = 0;

	constructor(
		private clock: { now(): number },
		enabled: boolean
	) {
		this.events = enabled ? [] : null;
	}

	/** Appends a trace event (only when tracing). */
	readonly emit: Emit = (actor, body) => {
		this.count++;
		this.record(actor, body);
	};

	/**
	 * Appends without counting: for the thread and GIL changes, which the CPU part traces only
	 * when the run is traced (so counting them would make the budget depend on tracing).
	 */
	readonly emitUncounted: Emit = (actor, body) => this.record(actor, body);

	private record(actor: string, body: TraceBody): void {
		const trace = this.events;
		if (!trace) return;
		// Kept as it is given, numbers rounded in place: every emitter passes a fresh object, and a
		// second copy per event would double what a long trace allocates.
		const detail = body.detail as Record<string, unknown>;
		for (const k in detail) {
			const v = detail[k];
			if (typeof v === 'number') detail[k] = roundMs(v);
		}
		trace.push({
			t: roundMs(this.clock.now()),
			seq: trace.length,
			actor,
			type: body.type,
			detail
		} as TraceEvent);
	}
}
