import { endRequest } from '../rules/result';
import type { Scenario } from '../scenario/types';
import type { Action } from './action';
import { instant } from './callback';
import type { Emit, Handoff, Scheduler, ThreadControl, Timers } from './capabilities';
import { Deque } from './deque';
import { Listener } from './listener';
import type { RequestRecord } from './task';
import { newThread, type SimThread } from './thread';

/**
 * The requests from arrival to end: each arrives, reaches the loop (read off a socket, or handed
 * in by the host's `run_until_complete()`, one call at a time while later arrivals wait in the
 * host), and ends when its handler returns or raises.
 */
export class Arrivals {
	/** Requests whose bytes have reached the server. */
	readonly arrived = new Set<string>();
	/** runUntilComplete: requests waiting in the host for the current call to return. */
	private hostQueue = new Deque<{ index: number; id: string }>();
	/** The ids in `hostQueue`, for hang reasons that ask about each request. */
	private inHostQueue = new Set<string>();
	/** What each request that ever waited in the host was told (frames keep it until its task starts). */
	readonly hostWaits = new Map<string, string>();
	/** runUntilComplete: the request whose run_until_complete() call is under way. */
	private hostCall: string | null = null;
	/** Requests that have not arrived yet. */
	left: number;
	/** Requests that have returned or raised. */
	ended = 0;

	/** hostThreads: the host thread of each request still waiting in `fut.result()`. */
	private hostThreads = new Map<string, SimThread>();
	/** The listening socket, for requests on new connections. */
	readonly listener: Listener;

	constructor(
		private scenario: Scenario,
		readonly records: RequestRecord[],
		private clock: Pick<Timers, 'now' | 'atEach'>,
		private emit: Emit,
		private loop: Pick<Scheduler, 'ioReady' | 'callSoon' | 'callSoonThreadsafe'>,
		/** Creates and spawns the task of request `index`. */
		private startTask: (index: number) => void,
		private threads: Pick<ThreadControl, 'created' | 'resume'>,
		private handoff: Handoff
	) {
		this.left = records.length;
		this.listener = new Listener(loop);
	}

	/** Schedules every arrival on the clock. */
	schedule(): void {
		this.clock.atEach(
			this.scenario.requests.map((r) => r.at),
			(i) => this.arrive(i)
		);
	}

	/** The request waits in the host for the current run_until_complete() to return. */
	inHost(id: string): boolean {
		return this.inHostQueue.has(id);
	}

	/** The request's handler returned or raised; the host hands in the next request, if any. */
	requestEnded(record: RequestRecord, status: 'ok' | 'error', error?: string): void {
		endRequest(record, this.clock.now(), status, error);
		this.ended++;
		this.emit(record.id, {
			type: 'done',
			detail: error === undefined ? { status } : { status, error }
		});
		const host = this.hostThreads.get(record.id);
		if (host) {
			this.hostThreads.delete(record.id);
			this.threads.resume(host, `fut.result() returns ${record.id}'s response`);
		}
		if (this.hostCall !== record.id) return;
		this.hostCall = null;
		const next = this.hostQueue.shift();
		if (!next) return;
		this.inHostQueue.delete(next.id);
		this.deliver(next.index);
	}

	private arrive(index: number): void {
		const spec = this.scenario.requests[index];
		this.left--;
		this.arrived.add(spec.id);
		const host = this.scenario.runtime.host;
		this.emit(spec.id, {
			type: 'arrive',
			detail: { waitsAt: host === 'loop' ? 'selector' : 'host' }
		});
		if (host === 'hostThreads') return this.startHostThread(index);
		if (host === 'loop') return this.deliver(index);
		if (this.hostCall === null) return this.deliver(index);
		const on = `in the host: run_until_complete() is busy with ${this.hostCall}`;
		this.hostQueue.push({ index, id: spec.id });
		this.inHostQueue.add(spec.id);
		this.hostWaits.set(spec.id, on);
		this.emit(spec.id, { type: 'task', detail: { state: 'arrived', on } });
	}

	/**
	 * hostThreads: a thread of the host calls `run_coroutine_threadsafe(handler(), loop)` (a
	 * `call_soon_threadsafe`, which wakes the loop) and blocks in `fut.result()` until the
	 * request's task has ended.
	 */
	private startHostThread(index: number): void {
		const spec = this.scenario.requests[index];
		const call = `run_coroutine_threadsafe(${spec.handler}(), loop)`;
		let step = 0;
		const program = (): Action => {
			step++;
			if (step === 1) {
				this.loop.callSoonThreadsafe(
					instant(`${call} for ${spec.id}`, spec.id, false, () => this.startTask(index))
				);
				this.handoff({
					from: th.name,
					to: 'loop',
					kind: 'runCoroutineThreadsafe',
					what: `${call}: call_soon_threadsafe schedules ${spec.id}'s task and wakes select()`,
					woke: true
				});
				this.handoff({
					from: th.name,
					to: 'loop',
					kind: 'resultWait',
					what: `fut.result(): ${th.name} waits for ${spec.id}'s task on the loop`,
					woke: false
				});
				this.hostThreads.set(spec.id, th);
				return { kind: 'wait', doing: `fut.result() for ${spec.id}` };
			}
			return { kind: 'idle', doing: `returned ${spec.id}'s response to the host` };
		};
		const th = newThread(`host-${spec.id}`, 'host', program);
		this.threads.created(th);
		this.threads.resume(th, call);
	}

	/** The request reaches the loop: read off a socket, or handed in by run_until_complete. */
	private deliver(index: number): void {
		const spec = this.scenario.requests[index];
		if (this.scenario.runtime.host === 'runUntilComplete') this.hostCall = spec.id;
		const label =
			this.scenario.runtime.host === 'loop'
				? `read request ${spec.id}`
				: `run_until_complete(${spec.handler}()) for ${spec.id}`;
		const cb = instant(label, spec.id, false, () => this.startTask(index));
		if (this.scenario.runtime.host !== 'loop') return this.loop.ioReady(cb);
		cb.request = spec.id;
		if (spec.connection === 'new') this.listener.connect(spec.id, cb);
		else this.loop.ioReady(cb);
	}
}
