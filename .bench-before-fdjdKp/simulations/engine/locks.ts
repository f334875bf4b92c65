import { stepMutex, type MutexState } from '../machines';
import type { LockKind } from '../scenario/types';
import type { Action } from './action';
import type { Sim } from './sim';
import type { Task } from './task';

interface Lock {
	name: string;
	kind: LockKind;
	state: MutexState;
	holder: Task | null;
	waiters: Task[];
}

/**
 * `threading.Lock` and `asyncio.Lock` as handlers use them. Only coroutines on the loop take
 * locks, so a contended `threading.Lock` blocks the loop thread while the holder can only
 * continue on that same thread: a deadlock, reported at once.
 */
export class Locks {
	private locks = new Map<string, Lock>();

	constructor(private sim: Sim) {}

	acquire(task: Task, name: string, kind: LockKind): Action | null | undefined {
		const lock = this.get(name, kind);
		if (lock.state === 'free' && lock.waiters.length === 0) {
			this.take(lock, task, 'ACQUIRE');
			return undefined;
		}
		if (kind === 'asyncio') {
			lock.waiters.push(task);
			this.emit(lock);
			return this.sim.tasks.suspend(task, `asyncio.Lock '${name}' held by ${lock.holder?.id}`);
		}
		const holder = lock.holder as Task;
		this.sim.tasks.setState(task, 'running', `threading.Lock '${name}'`);
		lock.waiters.push(task);
		this.emit(lock);
		this.sim.deadlock(
			holder === task
				? `deadlock: ${task.id} calls threading.Lock '${name}'.acquire() while it already holds it (the lock is not reentrant); the loop thread is blocked for good`
				: `deadlock: the loop thread is blocked in threading.Lock '${name}'.acquire() for ${task.id} while ${holder.id} holds it across an await; ${holder.id} can only continue on the loop thread, which is blocked`,
			`${task.id}: threading.Lock '${name}'.acquire()`
		);
		return { kind: 'stop' };
	}

	release(task: Task, name: string): void {
		const lock = this.locks.get(name);
		if (!lock || lock.holder !== task) return;
		task.held = task.held.filter((h) => h.lock !== name);
		const next = lock.waiters.shift();
		if (!next) {
			lock.holder = null;
			lock.state = stepMutex(lock.state, 'RELEASE');
			this.emit(lock);
			return;
		}
		// asyncio.Lock.release() wakes the first waiter's future; it resumes owning the lock.
		this.take(lock, next, 'HANDOVER');
		this.sim.tasks.wakeSoon(next);
	}

	/** Locks as frames show them. */
	snapshot(): { name: string; kind: LockKind; holder: string | null; waiters: string[] }[] {
		return [...this.locks.values()].map((l) => ({
			name: l.name,
			kind: l.kind,
			holder: l.holder?.id ?? null,
			waiters: l.waiters.map((w) => w.id)
		}));
	}

	private take(lock: Lock, task: Task, how: 'ACQUIRE' | 'HANDOVER'): void {
		lock.state = stepMutex(lock.state, how);
		lock.holder = task;
		task.held.push({ lock: lock.name, kind: lock.kind });
		this.emit(lock);
	}

	private get(name: string, kind: LockKind): Lock {
		let lock = this.locks.get(name);
		if (!lock) {
			lock = { name, kind, state: 'free', holder: null, waiters: [] };
			this.locks.set(name, lock);
		}
		return lock;
	}

	private emit(lock: Lock): void {
		this.sim.emit(`lock:${lock.name}`, {
			type: 'lock',
			detail: {
				kind: lock.kind,
				holder: lock.holder?.id ?? null,
				waiters: lock.waiters.map((w) => w.id)
			}
		});
	}
}
