import { loopThreadOf, type Frame, type LoopThreadState } from './frame';
import type { LoopPhase } from './machines';

/** The loop thread states each phase of `_run_once` allows. */
const PHASE_ALLOWS: Record<LoopPhase, readonly LoopThreadState[]> = {
	// asyncio.run() runs Python before the first select(); a host may block before it.
	starting: ['callback', 'blocked'],
	selecting: ['select'],
	// select() has returned: the loop thread takes the GIL back (blocked on it) and runs.
	collecting: ['select', 'callback', 'blocked'],
	running: ['callback', 'blocked'],
	stopped: ['select', 'callback', 'blocked']
};

/** States in which a thread has released the GIL (or never held it). */
const GIL_RELEASED = new Set(['blocked', 'selecting', 'idle', 'wantsGil']);

/** Problems with one frame (empty when consistent): used by the invariant test over every scenario. */
export function frameViolations(f: Frame): string[] {
	const out: string[] = [];
	const loop = f.loop;
	const derived = loopThreadOf(f.threads.loop);
	if (f.threads.loop && derived.state !== f.loopThread.state) {
		out.push(`loop thread is '${f.loopThread.state}' but its lane says '${f.threads.loop.state}'`);
	}
	if (!PHASE_ALLOWS[loop.phase].includes(f.loopThread.state)) {
		out.push(`loop phase '${loop.phase}' with the loop thread in '${f.loopThread.state}'`);
	}
	if (loop.running !== null && f.loopThread.state === 'select') {
		out.push(`callback ${loop.running} is running while the loop thread sleeps in select()`);
	}
	if (loop.running !== null && loop.phase !== 'running' && loop.phase !== 'stopped') {
		out.push(`callback ${loop.running} is running in phase '${loop.phase}'`);
	}
	if (loop.batch > loop.ready.length) {
		out.push(`batch of ${loop.batch} but only ${loop.ready.length} ready`);
	}
	if (loop.batch > 0 && loop.phase !== 'running' && loop.phase !== 'stopped') {
		out.push(`batch of ${loop.batch} outside the running phase ('${loop.phase}')`);
	}
	const due = loop.timers.some((t) => t.at <= f.t);
	if (loop.phase === 'selecting' && loop.timeoutMs === 0 && loop.ready.length === 0 && !due) {
		out.push('select(timeout=0) with nothing ready and no timer due');
	}
	const holder = f.gil.holder;
	if (holder !== null) {
		const state = f.threads[holder]?.state;
		if (state === undefined || GIL_RELEASED.has(state)) {
			out.push(`${holder} holds the GIL but is '${state ?? 'unknown'}'`);
		}
		if (f.gil.waiters.includes(holder)) out.push(`${holder} holds the GIL and waits for it`);
	}
	for (const [name, th] of Object.entries(f.threads)) {
		if (th.state === 'wantsGil' && !f.gil.waiters.includes(name)) {
			out.push(`${name} wants the GIL but is not among its waiters`);
		}
	}
	for (const [name, lock] of Object.entries(f.locks)) {
		// (Only a task that acquires a lock it holds, nested, waits for itself: no scenario file does.)
		if (lock.holder !== null && lock.waiters.includes(lock.holder)) {
			out.push(`lock ${name}: holder ${lock.holder} is among its waiters`);
		}
		// Only coroutines on the loop thread wait for locks here: a threading.Lock wait blocks it.
		if (lock.kind === 'thread' && lock.waiters.length > 0 && f.loopThread.state !== 'blocked') {
			out.push(`threading.Lock ${name} has waiters while the loop thread is not blocked`);
		}
	}
	for (const id of f.unread) {
		if (f.requests[id]?.state !== 'arrived') out.push(`unread request ${id} has not arrived`);
	}
	if (f.outcome === 'completed') {
		const pending = Object.entries(f.requests).filter(([, r]) => r.state === 'arrived');
		if (pending.length > 0) {
			out.push(`finished with ${pending.map(([id]) => id).join(', ')} still pending`);
		}
		if (loop.timers.length > 0 || loop.ready.length > 0 || loop.running !== null) {
			out.push('finished with timers, ready callbacks or a running callback left');
		}
	}
	return out;
}
