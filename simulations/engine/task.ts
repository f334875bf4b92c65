import type { TaskLife } from '../machines';
import type { Callback } from './callback';
import type { Instr } from './program';

/** A request as the result reports it. */
export interface RequestRecord {
	id: string;
	handler: string;
	arriveMs: number;
	startMs: number | null;
	endMs: number | null;
	status: 'ok' | 'error' | 'unfinished';
	error?: string;
}

/** Waits for its children, like the future `asyncio.gather` returns (or `as_completed`'s queue). */
export interface Gather {
	parent: Task;
	remaining: number;
	settled: boolean;
	/** as_completed: the parent wakes for each result, not only for the last. */
	asCompleted?: { total: number; scheduled: boolean };
}

/** An asyncio Task: a coroutine stepped by callbacks on the loop. */
export interface Task {
	id: string;
	/** child: a gather branch or a coroutine scheduled from a handler; it may outlive its request. */
	kind: 'request' | 'child' | 'background';
	request: RequestRecord | null;
	program: Instr[];
	pc: number;
	/** The task machine's state (`machines/task.ts`). */
	state: TaskLife;
	/** What the suspended task waits for, in words (frames and hang reasons). */
	on: string | null;
	held: { lock: string; kind: 'thread' | 'asyncio' }[];
	gather: Gather | null;
	/** The as_completed() this task iterates: it takes each result as it comes. */
	collecting?: Gather | null;
	resumeError: string | null;
	/** The task ran a Thread.start() handshake and suspends once the loop thread is back. */
	suspendAfterWait: boolean;
	/** The lag monitor's `t = now`. */
	mark: number;
	step: Callback;
}
