import { laterPhase, type LoadProgress } from '../exact/load-progress';
import type { PythonOutput, PythonRun } from '../exact/index';

/** idle: never run; loading: CPython starts; running: the program runs; done; failed; stopped. */
export type PythonStatus = 'idle' | 'loading' | 'running' | 'done' | 'failed' | 'stopped';

/** The Python tab's run as the page shows it. */
export interface PythonState {
	status: PythonStatus;
	progress: LoadProgress | null;
	/** The text that ran (or runs): the marks in the editor are for it. */
	source: string | null;
	/** What the program printed, as it printed it (the finished run's output replaces it). */
	output: PythonOutput[];
	/** The finished run (none while the next one loads or runs: its errors are not the new text's). */
	run: PythonRun | null;
	/** Why the run did not finish: CPython failed to load, or the worker was stopped. */
	failure: string | null;
}

export type PythonEvent =
	| { type: 'start'; source: string }
	| { type: 'progress'; progress: LoadProgress }
	| { type: 'output'; output: PythonOutput[] }
	| { type: 'result'; run: PythonRun }
	| { type: 'failed'; message: string }
	| { type: 'stopped' };

export const idlePython: PythonState = {
	status: 'idle',
	progress: null,
	source: null,
	output: [],
	run: null,
	failure: null
};

/** What the page says when Stop ended a run. */
export const STOPPED =
	'Stopped: the CPython worker was ended, and the program with it. The next run loads CPython again (a few seconds).';

/** Whether a run is under way (Stop ends it; a second start changes nothing). */
export const pythonBusy = (s: PythonState) => s.status === 'loading' || s.status === 'running';

/** The next state: a pure transition, so the tab's whole life is testable without a worker. */
export function pythonStep(state: PythonState, event: PythonEvent): PythonState {
	switch (event.type) {
		case 'start':
			if (pythonBusy(state)) return state;
			return { ...idlePython, status: 'loading', source: event.source };
		case 'progress': {
			if (!pythonBusy(state)) return state;
			const phase = laterPhase(state.progress?.phase ?? 'downloading', event.progress.phase);
			return {
				...state,
				status: phase === 'running' ? 'running' : 'loading',
				progress: { ...event.progress, phase }
			};
		}
		case 'output':
			if (!pythonBusy(state)) return state;
			return { ...state, output: [...state.output, ...event.output] };
		case 'result':
			if (!pythonBusy(state)) return state;
			return { ...state, status: 'done', run: event.run, output: event.run.output };
		case 'failed':
			if (!pythonBusy(state)) return state;
			return { ...state, status: 'failed', run: null, failure: event.message };
		case 'stopped':
			if (!pythonBusy(state)) return state;
			return { ...state, status: 'stopped', run: null, failure: STOPPED };
	}
}

/** One line of output as the tab shows it: the virtual time it was printed at, and its stream. */
export interface OutputLine {
	atMs: number;
	stream: PythonOutput['stream'];
	text: string;
}

/**
 * The output as lines, each stamped with when its first character was printed. A line written in
 * several pieces (`print(a, end='')`, then more) is one line; a piece with newlines is several.
 */
export function outputLines(output: readonly PythonOutput[]): OutputLine[] {
	const lines: OutputLine[] = [];
	let open: OutputLine | null = null;
	for (const o of output) {
		const parts = o.text.split('\n');
		parts.forEach((text, i) => {
			const last = i === parts.length - 1;
			if (last && text === '') return;
			if (i === 0 && open && open.stream === o.stream) open.text += text;
			else lines.push((open = { atMs: o.atMs, stream: o.stream, text }));
			if (!last) open = null;
		});
	}
	return lines;
}
