// A simulated run as a Chrome Trace Event file (object form), the profile our recorder writes
// (README, "The trace profile"), so a lesson's or the playground's run opens in Perfetto and
// speedscope beside a real service's recording: the loop thread's callbacks, task steps and
// select waits as `X` slices, every other thread's busy stretches on its own track, requests as
// async `b`/`e` pairs, and what the monitors saw (heartbeats, lag, warnings, log lines) as
// instants. Pure: the page, the CLI and the tests share it.
import type { SimResult, TraceEvent } from '../../simulations/index';

/** One Chrome Trace event, the fields this profile uses. */
export interface ChromeEvent {
	ph: 'X' | 'i' | 'b' | 'e' | 'M' | 'C';
	name: string;
	pid: number;
	tid: number;
	cat?: string;
	ts?: number;
	dur?: number;
	id?: string;
	s?: 't' | 'g';
	args?: Record<string, unknown>;
}

/** The file: Chrome Trace Event Format, object form. */
export interface ChromeTrace {
	traceEvents: ChromeEvent[];
	displayTimeUnit: 'ms';
	otherData: Record<string, unknown>;
}

/** The format name the file carries in `otherData`, next to the recorder's `trace@1`. */
export const SIMULATED_TRACE_FORMAT = 'event-loop-lab/simulated-trace@1';

const PID = 1;
const LOOP_TID = 1;
const us = (ms: number) => Math.round(ms * 1000);
const TASK_STEP = / step$/;

/**
 * The Chrome trace of a traced run (`simulate(scenario, { trace: true })`); `about` lands in
 * `otherData` (the scenario, the engine).
 */
export function runTrace(result: SimResult, about: Record<string, unknown> = {}): ChromeTrace {
	const events = result.trace ?? [];
	const tids = new Map<string, number>([['loop', LOOP_TID]]);
	const tidOf = (thread: string) => {
		if (!tids.has(thread)) tids.set(thread, tids.size + 1);
		return tids.get(thread)!;
	};
	const out: ChromeEvent[] = [];
	let running: { name: string; t: number } | null = null;
	const busy = new Map<string, { name: string; state: string; t: number }>();
	const requests = new Set<string>();
	let select: { t: number; timeoutMs: number | null } | null = null;
	// `gil` events say who joined and left the waiters; the counter track shows how many wait.
	let gilWaiters = 0;
	const endMs = result.endMs;

	const slice = (tid: number, cat: string, name: string, from: number, to: number, args = {}) =>
		out.push({ ph: 'X', cat, name, pid: PID, tid, ts: us(from), dur: us(to) - us(from), args });
	const instant = (cat: string, name: string, t: number, args = {}, s: 't' | 'g' = 't') =>
		out.push({ ph: 'i', s, cat, name, pid: PID, tid: LOOP_TID, ts: us(t), args });

	for (const e of events) {
		if (e.type === 'run') running = { name: e.detail.cb, t: e.t };
		else if (e.type === 'return' && running) {
			slice(LOOP_TID, catOf(running.name), running.name, running.t, e.t);
			running = null;
		} else if (e.type === 'select') select = { t: e.t, timeoutMs: e.detail.timeoutMs };
		else if (e.type === 'wake' && select) {
			slice(LOOP_TID, 'select', 'select', select.t, e.t, {
				timeoutMs: select.timeoutMs,
				woke: e.detail.reason
			});
			select = null;
		} else if (e.type === 'thread' && e.actor !== 'loop') threadState(e);
		else if (e.type === 'arrive') {
			requests.add(e.actor);
			out.push(request('b', e.actor, e.t, { waitsAt: e.detail.waitsAt }));
		} else if (e.type === 'done' && requests.delete(e.actor))
			out.push(request('e', e.actor, e.t, e.detail));
		else if (e.type === 'beat') instant('heartbeat', 'heartbeat', e.t);
		else if (e.type === 'lag') instant('lag', `lag ${e.detail.lagMs} ms`, e.t, e.detail);
		else if (e.type === 'warning')
			instant('warning', e.detail.message, e.t, { kind: e.detail.kind });
		else if (e.type === 'log') instant('log', e.detail.text, e.t, { source: e.detail.source });
		else if (e.type === 'gil') {
			gilWaiters += e.detail.joined.length - e.detail.left.length;
			out.push({
				ph: 'C',
				name: 'GIL waiters',
				pid: PID,
				tid: LOOP_TID,
				ts: us(e.t),
				args: { waiters: gilWaiters }
			});
		} else if (e.type === 'hung') instant('hung', `hung: ${e.detail.reason}`, e.t, {}, 'g');
		else if (e.type === 'stopped')
			instant('stopped', `stopped (${e.detail.why}): ${e.detail.reason}`, e.t, {}, 'g');
	}
	// What is still open when the run ends ends with it, so every slice has its length.
	if (running) slice(LOOP_TID, catOf(running.name), running.name, running.t, endMs);
	if (select) slice(LOOP_TID, 'select', 'select', select.t, endMs, { timeoutMs: select.timeoutMs });
	for (const [thread, b] of busy)
		slice(tidOf(thread), 'thread', b.name, b.t, endMs, { state: b.state });
	for (const id of requests) out.push(request('e', id, endMs, { status: 'unfinished' }));

	const names: ChromeEvent[] = [
		{
			ph: 'M',
			name: 'process_name',
			pid: PID,
			tid: LOOP_TID,
			args: { name: 'model (Event Loop Lab)' }
		},
		...[...tids].map(([thread, tid]): ChromeEvent => ({
			ph: 'M',
			name: 'thread_name',
			pid: PID,
			tid,
			args: { name: thread === 'loop' ? 'event loop' : thread }
		}))
	];
	return {
		traceEvents: [...names, ...out],
		displayTimeUnit: 'ms',
		otherData: {
			format: SIMULATED_TRACE_FORMAT,
			clock: 'virtual time, microseconds',
			outcome: result.outcome,
			...about
		}
	};

	// A thread other than the loop's is on its track while it is not idle: running Python, waiting
	// for the GIL, blocked in a call or a lock, each stretch named by what it was doing.
	function threadState(e: Extract<TraceEvent, { type: 'thread' }>) {
		const open = busy.get(e.actor);
		if (open) slice(tidOf(e.actor), 'thread', open.name, open.t, e.t, { state: open.state });
		busy.delete(e.actor);
		tidOf(e.actor);
		const { state, doing } = e.detail;
		if (state === 'idle') return;
		const name =
			state === 'wantsGil' ? `waiting for the GIL${doing ? `: ${doing}` : ''}` : (doing ?? state);
		busy.set(e.actor, { name, state, t: e.t });
	}
}

const catOf = (callback: string) => (TASK_STEP.test(callback) ? 'task-step' : 'callback');

function request(ph: 'b' | 'e', id: string, t: number, args: Record<string, unknown>): ChromeEvent {
	return { ph, cat: 'request', name: id, id, pid: PID, tid: LOOP_TID, ts: us(t), args };
}
