import { laterPhase, type LoadProgress } from '../exact/load-progress';
import type { ExactRun, RunComparison } from '../exact/index';

/** idle: never asked; loading: CPython starts; running: the scenario runs; done; failed. */
export type ExactStatus = 'idle' | 'loading' | 'running' | 'done' | 'failed';

/** One scenario's CPython run as the panel shows it. */
export interface ExactState {
	status: ExactStatus;
	progress: LoadProgress | null;
	/** The latest finished run and how the model compares with it (kept while a new one runs). */
	run: ExactRun | null;
	comparison: RunComparison | null;
	failure: string | null;
}

export type ExactEvent =
	| { type: 'start' }
	| { type: 'progress'; progress: LoadProgress }
	| { type: 'result'; run: ExactRun; comparison: RunComparison }
	| { type: 'failed'; message: string };

export const idleExact: ExactState = {
	status: 'idle',
	progress: null,
	run: null,
	comparison: null,
	failure: null
};

/** Whether a run is under way (a second start then changes nothing). */
export const busy = (s: ExactState) => s.status === 'loading' || s.status === 'running';

/** The next state: a pure transition, so the panel's whole life is testable without a worker. */
export function exactStep(state: ExactState, event: ExactEvent): ExactState {
	switch (event.type) {
		case 'start':
			return busy(state) ? state : { ...state, status: 'loading', progress: null, failure: null };
		case 'progress': {
			if (!busy(state)) return state;
			// A report that arrives late never moves the phase back.
			const phase = laterPhase(state.progress?.phase ?? 'downloading', event.progress.phase);
			return {
				...state,
				status: phase === 'running' ? 'running' : 'loading',
				progress: { ...event.progress, phase }
			};
		}
		case 'result':
			return { ...state, status: 'done', run: event.run, comparison: event.comparison };
		case 'failed':
			return { ...state, status: 'failed', failure: event.message };
	}
}
