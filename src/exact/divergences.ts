// The allowed differences between the model and CPython exact mode, each with its reason. The
// differential test (test/exact/differential.test.ts) fails on any difference not listed here.
import type { Scenario, Step } from '../../simulations/index';

/** What a divergence may differ in: request times and outcome, background samples, loop order, warnings. */
export type Aspect = 'times' | 'background' | 'order' | 'warnings';

/** One allowed difference: where it applies (scenario ids, or a feature of the scenario) and why. */
export interface Divergence {
	id: string;
	why: string;
	covers: Aspect[];
	/** Scenario ids (lesson variants, test scenarios) it is known to apply to. */
	scenarios: string[];
	/** The scenario feature that causes it, for scenarios not in the list (the playground's). */
	feature?: (scenario: Scenario) => boolean;
	/** Callbacks only CPython runs (their labels), left out of the order comparison. */
	onlyOnCPython?: RegExp[];
	/** Callbacks only the model runs (their labels), left out of the order comparison. */
	onlyInModel?: RegExp[];
}

const ALL: Aspect[] = ['times', 'background', 'order', 'warnings'];

function anyStep(scenario: Scenario, test: (s: Step) => boolean): boolean {
	const visit = (steps: Step[]): boolean =>
		steps.some(
			(s) =>
				test(s) ||
				((s.op === 'lock' || s.op === 'threadsafeResult') && visit(s.steps)) ||
				(s.op === 'gather' && s.branches.some(visit))
		);
	return Object.values(scenario.handlers).some((h) => visit(h.steps));
}

/** The table of allowed divergences (README "Exact mode" repeats it for readers). */
export const DIVERGENCES: Divergence[] = [
	{
		id: 'wrap-future-check-cancel',
		why: "run_in_executor returns `wrap_future(executor.submit(...))`, and `_chain_future` adds `_call_check_cancel` as a done callback of the asyncio future before the task awaits it. So when pool work completes, CPython runs `_call_check_cancel` (0 ms, it only propagates a cancel) just before the awaiting task's step, in the same batch. The model leaves that callback out; no time changes.",
		covers: [],
		scenarios: [],
		feature: (s) => anyStep(s, (step) => step.op === 'offload'),
		onlyOnCPython: [/^_call_check_cancel$/]
	},
	{
		id: 'coroutine-threadsafe-set-state',
		why: "`run_coroutine_threadsafe` chains the coroutine's Task to a concurrent.futures.Future with `_chain_future`, so when the Task ends CPython runs one more callback, `_call_set_state` (0 ms), that copies its result over. The model leaves that callback out; no time changes.",
		covers: [],
		scenarios: [],
		feature: (s) =>
			s.runtime.host === 'hostThreads' || anyStep(s, (step) => step.op === 'threadsafeResult'),
		onlyOnCPython: [/^_call_set_state$/]
	},
	{
		id: 'host-threads-same-instant',
		why: "Host threads that hand requests over (run_coroutine_threadsafe) at the very instant the loop polls race with it. Exact mode lets another thread run only once the loop's select() really sleeps (a select() that returns at once keeps the GIL, F36), so a timer due at that instant runs first; the model lets the hand-overs into that first batch. The reordering is within one instant: no time changes.",
		covers: ['order'],
		scenarios: ['loop-thread', 'f26-loop-thread'],
		feature: (s) => s.runtime.host === 'hostThreads'
	},
	{
		id: 'run-until-complete-calls',
		why: '`loop.run_until_complete(coro)` creates the Task and adds `_run_until_complete_cb`, which stops the loop once the Task is done (one more callback, 0 ms); the loop does not run between two calls. The model draws each call as a callback of its own, `run_until_complete(handler()) for rN`, and leaves `_run_until_complete_cb` out. No time changes.',
		covers: [],
		scenarios: [],
		feature: (s) => s.runtime.host === 'runUntilComplete',
		onlyOnCPython: [/^_run_until_complete_cb$/],
		onlyInModel: [/^run_until_complete\(/]
	},
	{
		id: 'accept-waiter',
		why: 'On a new connection `_accept_connection2` creates the transport and then awaits a waiter future that the transport resolves with `_set_result_unless_cancelled` (scheduled after connection_made and _add_reader): CPython runs that callback and a second `_accept_connection2` step (0 ms each). The model leaves both out; the four iterations before the read (F6) are the same.',
		covers: [],
		scenarios: [],
		feature: (s) => s.requests.some((r) => r.connection === 'new'),
		onlyOnCPython: [
			/^_set_result_unless_cancelled$/,
			/^_accept_connection2 → .* \(after the waiter\)$/
		]
	},
	{
		id: 'gil-not-modelled',
		why: 'Pyodide has no threads, so exact mode runs pool work on virtual threads that each get a core of their own: it does not model the GIL (switch interval, the loop thread waiting for it) or GIL-free work sharing `cores`. The model does; its figures for CPU work in threads come from the facts sheet (F15, F17, F18, F36).',
		covers: ALL,
		scenarios: [
			'upload-to-thread-cpu',
			'predict-alone',
			'predict-four',
			'predict-free-threaded',
			'f17-gil-four-cpu',
			'f18-free-threaded-four-cpu',
			'f36-short-sleeps-lose-gil',
			'f36-sleep-zero-keeps-gil'
		],
		feature: (s) => anyStep(s, (step) => step.op === 'offload' && step.work === 'cpu')
	},
	{
		id: 'pool-idle-semaphore-3.14',
		why: "CPython 3.14's ThreadPoolExecutor worker releases `_idle_semaphore` only when it finds the work queue empty; 3.11 (measured in the facts sheet, followed by the model) releases it after every work item, so a 3.11 submit can take a token while every thread is busy and queue behind the double run (F20). Same code, different CPython.",
		covers: ['times', 'order'],
		scenarios: ['f20-double-run-burst']
	}
];

/** The divergences that apply to a scenario (by id, or by feature when the scenario is given). */
export function divergencesFor(id: string, scenario?: Scenario): Divergence[] {
	return DIVERGENCES.filter(
		(d) => d.scenarios.includes(id) || (scenario !== undefined && d.feature?.(scenario) === true)
	);
}
