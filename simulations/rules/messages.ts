import type { Runtime } from '../scenario/types';
import { roundMs, type Warning } from '../result';

/** What `Thread.start()` raises when no thread can be started (F19). */
export const CANT_START = "RuntimeError: can't start new thread";

/** Debug mode's slow-callback warning for a callback that ran `ms`, or null under the threshold. */
export function slowCallbackWarning(
	runtime: Runtime,
	label: string,
	owner: string,
	ms: number
): Omit<Warning, 'atMs'> | null {
	if (!runtime.debug || ms < runtime.slowCallbackMs) return null;
	return {
		kind: 'slowCallback',
		task: owner,
		ms: roundMs(ms),
		message: `Executing <${label}> took ${(ms / 1000).toFixed(3)} seconds`
	};
}

/** The deadlock of a `threading.Lock` held across an await and wanted again on the loop thread. */
export function threadLockDeadlock(name: string, waiter: string, holder: string): string {
	return waiter === holder
		? `deadlock: ${waiter} calls threading.Lock '${name}'.acquire() while it already holds it (the lock is not reentrant); the loop thread is blocked for good`
		: `deadlock: the loop thread is blocked in threading.Lock '${name}'.acquire() for ${waiter} while ${holder} holds it across an await; ${holder} can only continue on the loop thread, which is blocked`;
}

/** `run_coroutine_threadsafe(coro, loop).result()` called on the loop's own thread, with no timeout (F27). */
export function resultOnLoopDeadlock(waiter: string, child: string): string {
	return `deadlock: ${waiter} waits in run_coroutine_threadsafe(...).result() on the loop's own thread; ${child} can only run on that loop, which is blocked in the wait`;
}
