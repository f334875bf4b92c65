import {
	lockEvents,
	stepLock,
	type LockAction,
	type LockState,
	type NamedAction
} from '../machines';
import type { LockKind } from '../scenario/types';
import { threadLockDeadlock } from '../rules/messages';
import type { Action } from './action';
import { QueueChanges } from './queue-changes';
import type { Deadlock, Emit, TaskControl } from './capabilities';
import type { Task } from './task';

interface Lock {
	name: string;
	kind: LockKind;
	state: LockState;
	holder: Task | null;
	waiters: Task[];
	/** The waiters' changes since the lock was last traced. */
	traced: QueueChanges;
}

/**
 * `threading.Lock` and `asyncio.Lock` as handlers use them: the data (holder, waiters) and the
 * actions of the lock machine (`machines/lock.ts`), which decides what an acquire or a release
 * does. Only coroutines on the loop take locks, so a contended `threading.Lock` is a deadlock,
 * reported at once.
 */
export class Locks {
	private locks = new Map<string, Lock>();

	/** Between blockLoopThread and reportDeadlock: the waiter is the loop thread, not yet blocked. */
	private blockingLoopThread = false;

	constructor(
		private tasks: Pick<TaskControl, 'blockLoopThread' | 'suspend' | 'wakeSoon'>,
		private emit: Emit,
		private deadlock: Deadlock
	) {}

	/** `acquire()`: undefined when the task carries on holding the lock, else what its step returns. */
	acquire(task: Task, name: string, kind: LockKind): Action | null | undefined {
		const lock = this.get(name, kind);
		return this.send(lock, task, lockEvents.acquire(kind === 'asyncio'));
	}

	release(task: Task, name: string): void {
		const lock = this.locks.get(name);
		if (!lock || lock.holder !== task) return;
		task.held = task.held.filter((h) => h.lock !== name);
		this.send(lock, task, lockEvents.release(lock.waiters.length > 0));
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

	private send(lock: Lock, task: Task, event: Parameters<typeof stepLock>[1]) {
		const step = stepLock(lock.state, event);
		lock.state = step.value;
		let out: Action | null | undefined = undefined;
		for (const action of step.actions) {
			const result = this.execute(action, lock, task);
			if (result !== undefined) out = result;
		}
		return out;
	}

	private execute(
		action: NamedAction<LockAction>,
		lock: Lock,
		task: Task
	): Action | null | undefined {
		switch (action.type) {
			case 'takeLock':
				this.take(lock, task);
				return undefined;
			case 'queueWaiter':
				lock.waiters.push(task);
				lock.traced.join(task.id);
				// A waiter that blocks the loop thread is traced once the thread has blocked.
				if (!this.blockingLoopThread) this.report(lock);
				return undefined;
			case 'suspendWaiter':
				return this.tasks.suspend(task, `asyncio.Lock '${lock.name}' held by ${lock.holder?.id}`);
			case 'blockLoopThread':
				this.tasks.blockLoopThread(task, `threading.Lock '${lock.name}'`);
				this.blockingLoopThread = true;
				return undefined;
			case 'reportDeadlock':
				this.deadlock(
					threadLockDeadlock(lock.name, task.id, (lock.holder as Task).id),
					`${task.id}: threading.Lock '${lock.name}'.acquire()`,
					() => this.report(lock)
				);
				this.blockingLoopThread = false;
				return { kind: 'stop' };
			case 'wakeFirstWaiter': {
				// asyncio.Lock.release() wakes the first waiter's future; it resumes owning the lock.
				const next = lock.waiters.shift() as Task;
				lock.traced.leave(next.id);
				this.take(lock, next);
				this.tasks.wakeSoon(next);
				return undefined;
			}
			case 'markFree':
				lock.holder = null;
				this.report(lock);
				return undefined;
		}
	}

	private take(lock: Lock, task: Task): void {
		lock.holder = task;
		task.held.push({ lock: lock.name, kind: lock.kind });
		this.report(lock);
	}

	private get(name: string, kind: LockKind): Lock {
		let lock = this.locks.get(name);
		if (!lock) {
			lock = { name, kind, state: 'free', holder: null, waiters: [], traced: new QueueChanges() };
			this.locks.set(name, lock);
		}
		return lock;
	}

	private report(lock: Lock): void {
		this.emit(`lock:${lock.name}`, {
			type: 'lock',
			detail: {
				kind: lock.kind,
				holder: lock.holder?.id ?? null,
				...lock.traced.take()
			}
		});
	}
}
