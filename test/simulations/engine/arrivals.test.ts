import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../simulations/clock';
import { Arrivals } from '../../../simulations/engine/arrivals';
import { unfinishedRequests } from '../../../simulations/result';
import type { Runtime } from '../../../simulations/scenario/types';
import type { Handoff } from '../../../simulations/engine/capabilities';
import type { SimThread } from '../../../simulations/engine/thread';
import { scenario } from '../build';
import { fakeScheduler, recorder } from './fakes';

function build(host: Runtime['host']) {
	const s = scenario(
		{ h: [] },
		[
			['r1', 0, 'h'],
			['r2', 5, 'h']
		],
		{ host }
	);
	const clock = new VirtualClock();
	const log: string[] = [];
	const loop = fakeScheduler(log);
	const records = unfinishedRequests(s);
	const started: number[] = [];
	const threads = {
		created: (th: SimThread) => log.push(`thread ${th.name} ${th.kind}`),
		resume: (th: SimThread, doing?: string) => {
			log.push(`resume ${th.name}: ${doing}`);
			for (let a = th.next(); a.kind === 'py'; a = th.next());
		}
	};
	const handoff: Handoff = (h) => log.push(`handoff ${h.kind} ${h.from}→${h.to} woke=${h.woke}`);
	const arrivals = new Arrivals(
		s,
		records,
		clock,
		recorder().emit,
		loop,
		(i) => started.push(i),
		threads,
		handoff
	);
	arrivals.schedule();
	return { clock, log, records, arrivals };
}

describe('Arrivals', () => {
	it('with a long-running loop, every arrival is read off its socket at once', () => {
		const { clock, log, arrivals } = build('loop');
		while (clock.step());
		expect(log).toEqual(['io read request r1', 'io read request r2']);
		expect(arrivals.left).toBe(0);
		expect([...arrivals.arrived]).toEqual(['r1', 'r2']);
	});

	it('with host threads, each arrival gets a thread that hands it over and waits in fut.result()', () => {
		const { clock, log, records, arrivals } = build('hostThreads');
		clock.step();
		expect(log).toEqual([
			'thread host-r1 host',
			'resume host-r1: run_coroutine_threadsafe(h(), loop)',
			'threadsafe run_coroutine_threadsafe(h(), loop) for r1',
			'handoff runCoroutineThreadsafe host-r1→loop woke=true',
			'handoff resultWait host-r1→loop woke=false'
		]);
		arrivals.requestEnded(records[0], 'ok');
		expect(log.at(-1)).toBe("resume host-r1: fut.result() returns r1's response");
	});

	it('with run_until_complete, a later arrival waits in the host until the call returns', () => {
		const { clock, log, records, arrivals } = build('runUntilComplete');
		while (clock.step());
		expect(log).toEqual(['io run_until_complete(h()) for r1']);
		expect(arrivals.inHost('r2')).toBe(true);
		expect(arrivals.hostWaits.get('r2')).toBe('in the host: run_until_complete() is busy with r1');
		arrivals.requestEnded(records[0], 'ok');
		expect(records[0]).toMatchObject({ status: 'ok', endMs: 5 });
		expect(log.at(-1)).toBe('io run_until_complete(h()) for r2');
		expect([arrivals.inHost('r2'), arrivals.ended]).toEqual([false, 1]);
	});
});
