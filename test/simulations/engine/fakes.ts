import type { Emit, Scheduler, TaskControl } from '../../../simulations/engine/capabilities';
import type { Task } from '../../../simulations/engine/task';
import { Tasks, type Awaits } from '../../../simulations/engine/tasks';
import type { TraceBody } from '../../../simulations/trace';

/** An `Emit` that keeps "actor type" lines and the bodies, for asserting order. */
export function recorder(): { emit: Emit; lines: string[]; bodies: TraceBody[] } {
	const lines: string[] = [];
	const bodies: TraceBody[] = [];
	return {
		lines,
		bodies,
		emit: (actor, body) => {
			lines.push(`${actor} ${body.type}`);
			bodies.push(body);
		}
	};
}

/** A running task as the engine makes them, outside any run. */
export function fakeTask(id: string): Task {
	const task = new Tasks(fakeScheduler([]), () => {}, {} as Awaits).create(id, 'request', [], null);
	task.state = 'running';
	return task;
}

/** A scheduler that logs what was scheduled and how. */
export function fakeScheduler(log: string[]): Scheduler {
	return {
		callSoon: (cb) => log.push(`call_soon ${cb.label}`),
		callSoonThreadsafe: (cb) => log.push(`threadsafe ${cb.label}`),
		callSoonUnsafe: (cb) => log.push(`unsafe ${cb.label}`),
		callLater: (ms, cb) => log.push(`call_later ${ms} ${cb.label}`),
		ioReady: (cb) => log.push(`io ${cb.label}`)
	};
}

/** Task control that logs each call. */
export function fakeTaskControl(log: string[]): TaskControl {
	return {
		suspend: (task, on) => (log.push(`suspend ${task.id}: ${on}`), null),
		blockLoopThread: (task, on) => log.push(`block ${task.id}: ${on}`),
		markReady: (task, on) => log.push(`ready ${task.id}${on ? `: ${on}` : ''}`),
		wakeSoon: (task) => log.push(`wake ${task.id}`),
		yieldNow: (task, on) => (log.push(`yield ${task.id}: ${on}`), null),
		fail: (task, error) => (log.push(`fail ${task.id}: ${error}`), null)
	};
}
