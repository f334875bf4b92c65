import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createPoolApi, type PoolApi } from '../../src/runtime/pool-api';
import { createServerApi, type ServerApi } from '../../src/runtime/server-api';
import { scenario } from '../simulations/build';

// The worker APIs over an in-process MessageChannel: the same comlink wiring the bridge uses,
// without starting workers (Chromium end-to-end tests cover the real workers).
const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function connect<T>(api: object): Comlink.Remote<T> {
	const channel = new MessageChannel();
	channels.push(channel);
	Comlink.expose(api, channel.port1);
	return Comlink.wrap<T>(channel.port2);
}

describe('pool worker API over a MessageChannel', () => {
	it('runs offloaded work and answers each call when it is done, in the order of the calls', async () => {
		const pool = connect<PoolApi>(createPoolApi());
		const answered: string[] = [];
		await Promise.all([
			pool.work('block', 20).then(() => answered.push('block 20')),
			pool.work('cpu', 1).then(() => answered.push('cpu 1'))
		]);
		expect(answered).toEqual(['block 20', 'cpu 1']);
	});
});

describe('server worker API over a MessageChannel', () => {
	it('runs a scenario with a real pool port and returns a result@1 document', async () => {
		const poolChannel = new MessageChannel();
		channels.push(poolChannel);
		Comlink.expose(createPoolApi(), poolChannel.port1);
		const server = connect<ServerApi>(createServerApi());
		const s = scenario(
			{ h: [{ op: 'offload', ms: 10, work: 'block', noThread: 'raise' }] },
			[
				['a', 0, 'h'],
				['b', 0, 'h']
			],
			{ threads: 1 }
		);
		const progress: number[] = [];
		const result = await server.run(
			s,
			Comlink.transfer({ pool: [poolChannel.port2], gil: null, rpc: null, mailbox: null }, [
				poolChannel.port2
			]),
			Comlink.proxy({
				progress: (done: number) => void progress.push(done),
				note: () => {},
				started: () => void progress.push(0)
			})
		);
		expect(result.format).toBe('event-loop-lab/result@1');
		expect(result.requests.map((r) => r.status)).toEqual(['ok', 'ok']);
		// One pool thread: the second request's work waits for the first.
		expect(result.requests[1].endMs as number).toBeGreaterThanOrEqual(19);
		// The loop starts the scenario's clock (the page's time-out counts from there) before any request ends.
		expect(progress).toEqual([0, 1, 2]);
	});
});
