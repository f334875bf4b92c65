import { endRequest } from '../rules/result';
import type { Scenario } from '../scenario/types';
import { instant } from './callback';
import type { Emit, Scheduler, Timers } from './capabilities';
import type { RequestRecord } from './task';

/**
 * The requests from arrival to end: each arrives, reaches the loop (read off a socket, or handed
 * in by the host's `run_until_complete()`, one call at a time while later arrivals wait in the
 * host), and ends when its handler returns or raises.
 */
export class Arrivals {
	/** Requests whose bytes have reached the server. */
	readonly arrived = new Set<string>();
	/** runUntilComplete: requests waiting in the host for the current call to return. */
	private hostQueue: { index: number; id: string }[] = [];
	/** What each request that ever waited in the host was told (frames keep it until its task starts). */
	readonly hostWaits = new Map<string, string>();
	/** runUntilComplete: the request whose run_until_complete() call is under way. */
	private hostCall: string | null = null;
	/** Requests that have not arrived yet. */
	left: number;
	/** Requests that have returned or raised. */
	ended = 0;

	constructor(
		private scenario: Scenario,
		readonly records: RequestRecord[],
		private clock: Pick<Timers, 'now' | 'at'>,
		private emit: Emit,
		private loop: Pick<Scheduler, 'ioReady'>,
		/** Creates and spawns the task of request `index`. */
		private startTask: (index: number) => void
	) {
		this.left = records.length;
	}

	/** Schedules every arrival on the clock. */
	schedule(): void {
		this.scenario.requests.forEach((spec, i) => {
			this.clock.at(spec.at, () => this.arrive(i));
		});
	}

	/** The request waits in the host for the current run_until_complete() to return. */
	inHost(id: string): boolean {
		return this.hostQueue.some((q) => q.id === id);
	}

	/** The request's handler returned or raised; the host hands in the next request, if any. */
	requestEnded(record: RequestRecord, status: 'ok' | 'error', error?: string): void {
		endRequest(record, this.clock.now(), status, error);
		this.ended++;
		this.emit(record.id, {
			type: 'done',
			detail: error === undefined ? { status } : { status, error }
		});
		if (this.hostCall !== record.id) return;
		this.hostCall = null;
		const next = this.hostQueue.shift();
		if (next) this.deliver(next.index);
	}

	private arrive(index: number): void {
		const spec = this.scenario.requests[index];
		this.left--;
		this.arrived.add(spec.id);
		this.emit(spec.id, {
			type: 'arrive',
			detail: { waitsAt: this.scenario.runtime.host === 'loop' ? 'selector' : 'host' }
		});
		if (this.scenario.runtime.host === 'loop') return this.deliver(index);
		if (this.hostCall === null) return this.deliver(index);
		const on = `in the host: run_until_complete() is busy with ${this.hostCall}`;
		this.hostQueue.push({ index, id: spec.id });
		this.hostWaits.set(spec.id, on);
		this.emit(spec.id, { type: 'task', detail: { state: 'arrived', on } });
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
		if (this.scenario.runtime.host === 'loop') cb.request = spec.id;
		this.loop.ioReady(cb);
	}
}
