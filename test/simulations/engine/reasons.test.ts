import { describe, expect, it } from 'vitest';
import { describeWaits, type WaitView } from '../../../simulations/engine/reasons';
import type { RequestRecord } from '../../../simulations/engine/task';
import { fakeTask } from './fakes';

const request = (id: string, arriveMs: number): RequestRecord => ({
	id,
	handler: 'h',
	arriveMs,
	startMs: null,
	endMs: null,
	status: 'unfinished'
});

describe('describeWaits(view)', () => {
	it('says for each unfinished request and live branch what it waits for', () => {
		const waiting = { ...fakeTask('r1'), state: 'waiting' as const, on: 'asyncio.sleep(5 ms)' };
		const rpc = { ...fakeTask('r2'), state: 'waiting' as const };
		const branch = { ...fakeTask('r1/1'), kind: 'child' as const, state: 'ready' as const };
		const view: WaitView = {
			now: 10,
			requests: [
				request('r1', 0),
				request('r2', 0),
				request('r3', 0),
				request('r4', 0),
				request('r5', 50)
			],
			tasks: [waiting, rpc, branch],
			inHost: (id) => id === 'r3',
			rpcWait: (task) => (task === rpc ? 'response #1' : null)
		};
		expect(describeWaits(view).split('; ')).toEqual([
			'r1 waits for asyncio.sleep(5 ms)',
			'r2 waits for response #1',
			'r3 waits in the host for the current run_until_complete() to return',
			'r4 arrived but was never read',
			'r5 has not arrived',
			'r1/1 is in the ready queue but its step never ran'
		]);
	});

	it('says so when nothing is waiting', () => {
		const view: WaitView = {
			now: 0,
			requests: [],
			tasks: [],
			inHost: () => false,
			rpcWait: () => null
		};
		expect(describeWaits(view)).toBe('no request is waiting');
	});

	it('summarises a big hang in one pass: bounded, whatever the number of requests', () => {
		const requests = Array.from({ length: 20_000 }, (_, i) => request(`r${i + 1}`, 0));
		const tasks = requests.map((r) => ({ ...fakeTask(r.id), state: 'ready' as const }));
		const view: WaitView = { now: 10, requests, tasks, inHost: () => false, rpcWait: () => null };
		const text = describeWaits(view);
		expect(text).toMatch(
			/^r1 is in the ready queue .*; r4 is in the ready queue but its step never ran; r5 … r20000: 19,996 more, each is in the ready queue but its step never ran$/
		);
		expect(text.length).toBeLessThan(400);
	});
});
