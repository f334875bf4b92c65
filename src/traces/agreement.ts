// How closely "Make this a scenario" reproduces the recording, request by request, and how much
// of the gap the recording itself explains: the loop thread's time that was neither a handler's
// run nor a wait in select (the server's own callbacks, the recorder, and moments the OS did not
// run the thread at all), and a select's sleep beyond its timeout (the OS woke the thread late),
// exist in the recording but not in the model.
import type { TraceModel } from './model';
import { countUntil } from './time-index';

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
	const handlers = runningTime(model.slices.filter((x) => handlerTasks.has(x.taskId)));
	const waits = runningTime(model.selects);
	const oversleeps = prefixSums(
		model.selects.map((w) => (w.timeoutMs === null ? 0 : Math.max(0, w.ms - w.timeoutMs)))
	);
	return simulated.map((s) => {
		const request = model.requests[Number(s.id.slice(1)) - 1];
		const to = request.endMs;
		// Selects that began at `from` or later and had ended by `to`.
		const first = countUntil(model.selects, from, true);
		let last = countUntil(model.selects, to, true);
		const straddling = model.selects[last - 1];
		if (straddling && straddling.atMs + straddling.ms > to) last--;
		const overslept = Math.max(0, oversleeps[last] - oversleeps[first]);
		const held = handlers(to) - handlers(from);
		const waited = waits(to) - waits(from);
		return {
			id: s.id,
			path: request.path,
			recordedEndMs: to,
			simulatedEndMs: s.endMs,
			unmodelledMs: Math.max(0, to - from - held - waited) + overslept
		};
	});
}

const prefixSums = (values: readonly number[]) => {
	const sums = [0];
	for (const v of values) sums.push(sums[sums.length - 1] + v);
	return sums;
};

// How long the loop thread had spent in these stretches by time t. They follow one another on
// one thread, so only the last to begin before t can still be running at t.
function runningTime(sorted: readonly { atMs: number; ms: number }[]): (t: number) => number {
	const sums = prefixSums(sorted.map((x) => x.ms));
	return (t) => {
		const k = countUntil(sorted, t, true);
		const last = sorted[k - 1];
		return sums[k] - (last ? Math.max(0, last.atMs + last.ms - t) : 0);
	};
}
