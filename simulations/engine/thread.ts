import type { ThreadState } from '../machines';
import type { ThreadKind } from '../trace';
import type { Action } from './action';

/** A simulated OS thread: the loop thread, a pool thread, a reader or a host thread. */
export interface SimThread {
	name: string;
	kind: ThreadKind;
	state: ThreadState;
	/** The thread's program; performs instantaneous effects and returns what needs time. */
	next: () => Action;
	doing: string | null;
	/** Python work left in the current segment, in ms at full speed. */
	rem: number;
	since: number;
	speed: number;
	doneId: number | null;
	waitStart: number;
}

/** A fresh thread in the idle state. */
export function newThread(name: string, kind: ThreadKind, next: () => Action): SimThread {
	return {
		name,
		kind,
		state: 'idle',
		next,
		doing: null,
		rem: 0,
		since: 0,
		speed: 1,
		doneId: null,
		waitStart: 0
	};
}
