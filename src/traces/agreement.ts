// How closely "Make this a scenario" reproduces the recording, request by request, and how much
// of the gap the recording itself explains: the loop thread's time that was neither a handler's
// run nor a wait in select (the server's own callbacks, the recorder, and moments the OS did not
// run the thread at all) exists in the recording but not in the model.
import type { TraceModel } from './model';

/** One request, recorded and re-simulated. */
export interface RequestAgreement {
	id: string;
	path: string;
	recordedEndMs: number;
	simulatedEndMs: number | null;
	/** Loop time the model leaves out, from the first request's arrival to this one's end. */
	unmodelledMs: number;
}

/** What the simulation said of each request (a result@1's `requests`). */
type Simulated = { id: string; endMs: number | null };

/** The agreement of each request `toScenario` listed (ids `r1`… follow `model.requests`). */
export function agreementOf(model: TraceModel, simulated: Simulated[]): RequestAgreement[] {
	const handlerTasks = new Set(model.requests.map((r) => r.taskId));
	const from = Math.min(...model.requests.map((r) => r.arriveMs));
	const within = (atMs: number, ms: number, to: number) =>
		Math.max(0, Math.min(atMs + ms, to) - Math.max(atMs, from));
	return simulated.map((s) => {
		const request = model.requests[Number(s.id.slice(1)) - 1];
		const to = request.endMs;
		const handlers = model.slices
			.filter((x) => handlerTasks.has(x.taskId))
			.reduce((sum, x) => sum + within(x.atMs, x.ms, to), 0);
		const waits = model.selects.reduce((sum, w) => sum + within(w.atMs, w.ms, to), 0);
		return {
			id: s.id,
			path: request.path,
			recordedEndMs: to,
			simulatedEndMs: s.endMs,
			unmodelledMs: Math.max(0, to - from - handlers - waits)
		};
	});
}
