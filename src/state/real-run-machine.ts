import { assign, fromCallback, setup, type CallbackActorLogic, type EventObject } from 'xstate';
import type { Scenario, SimResult } from '../../simulations/index';
import { agreement, type Agreement } from '../runtime/agreement';

/** One finished real run, numbered from 1, with how well the prediction matched it. */
export interface RealRun {
	n: number;
	result: SimResult;
	agreement: Agreement;
}

/** What a runner is asked to run. */
export interface RunRequest {
	scenario: Scenario;
	/** GIL on, or a free-threaded build. */
	gil: boolean;
}

/** What a runner reports back to the machine that invoked it. */
export type RunnerEvent =
	| { type: 'runner.ready' }
	| { type: 'runner.progress'; done: number; total: number }
	| { type: 'runner.result'; result: SimResult }
	| { type: 'runner.stopped' }
	| { type: 'runner.failed'; message: string };

/**
 * Runs one scenario and reports with `RunnerEvent`s; stopping the actor must end the run at
 * once. The Web Worker runtime is one runner; an exact (CPython) run can be another.
 */
export type RunnerLogic = CallbackActorLogic<EventObject, RunRequest>;

export interface RealRunContext {
	scenario: Scenario;
	predicted: SimResult;
	gil: boolean;
	done: number;
	total: number;
	/** The last five runs, newest first. */
	runs: RealRun[];
	/** Why the last run failed, if it did. */
	failure: string | null;
}

export type RealRunEvent =
	{ type: 'start' } | { type: 'stop' } | { type: 'gil'; on: boolean } | RunnerEvent;

const KEPT = 5;

const realRunSetup = setup({
	types: {} as {
		context: RealRunContext;
		events: RealRunEvent;
		input: Pick<RealRunContext, 'scenario' | 'predicted'>;
	},
	actors: {
		// Each page provides its runtime's runner; without one a run fails and says why.
		runner: fromCallback<EventObject, RunRequest>(({ sendBack }) =>
			sendBack({ type: 'runner.failed', message: 'no runner was provided' })
		) as RunnerLogic
	},
	actions: {
		begin: assign(({ context }) => ({
			done: 0,
			total: context.scenario.requests.length,
			failure: null
		})),
		progress: assign((_, p: { done: number; total: number }) => p),
		record: assign(({ context }, p: { result: SimResult }) => ({
			runs: [
				{
					n: (context.runs[0]?.n ?? 0) + 1,
					result: p.result,
					agreement: agreement(context.predicted, p.result)
				},
				...context.runs
			].slice(0, KEPT)
		})),
		fail: assign((_, p: { message: string }) => ({ failure: p.message })),
		setGil: assign((_, p: { on: boolean }) => ({ gil: p.on }))
	},
	guards: {
		hung: (_, p: { result: SimResult }) => p.result.outcome === 'hung'
	}
});

// Between runs: a new run can start, and the GIL choice can change (never during a run).
const AT_REST = {
	start: 'active',
	gil: {
		actions: {
			type: 'setGil',
			params: ({ event }: { event: { on: boolean } }) => ({ on: event.on })
		}
	}
} as const;

/**
 * A real run's lifecycle: idle → active (starting the runner → running, with progress) →
 * done | hung | stopped | failed, and from any of those a new run. Stop ends an active run at
 * once (leaving `active` stops the invoked runner). The runner is the named actor `runner`:
 * `.provide({ actors: { runner } })` swaps in another runtime, or a fake in tests.
 */
export const realRunMachine = realRunSetup.createMachine({
	id: 'realRun',
	context: ({ input }) => ({
		...input,
		gil: input.scenario.runtime.gil,
		done: 0,
		total: input.scenario.requests.length,
		runs: [],
		failure: null
	}),
	initial: 'idle',
	states: {
		idle: { on: AT_REST },
		active: {
			entry: 'begin',
			invoke: {
				src: 'runner',
				input: ({ context }) => ({ scenario: context.scenario, gil: context.gil })
			},
			initial: 'starting',
			states: {
				starting: { on: { 'runner.ready': 'running' } },
				running: {}
			},
			on: {
				'runner.progress': {
					target: '.running',
					actions: {
						type: 'progress',
						params: ({ event }) => ({ done: event.done, total: event.total })
					}
				},
				'runner.result': [
					{
						guard: { type: 'hung', params: ({ event }) => ({ result: event.result }) },
						target: 'hung',
						actions: { type: 'record', params: ({ event }) => ({ result: event.result }) }
					},
					{
						target: 'done',
						actions: { type: 'record', params: ({ event }) => ({ result: event.result }) }
					}
				],
				'runner.failed': {
					target: 'failed',
					actions: { type: 'fail', params: ({ event }) => ({ message: event.message }) }
				},
				'runner.stopped': 'stopped',
				stop: 'stopped'
			}
		},
		done: { on: AT_REST },
		hung: { on: AT_REST },
		stopped: { on: AT_REST },
		failed: { on: AT_REST }
	}
});
