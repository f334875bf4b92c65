import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../simulations/clock';
import type { Instr } from '../../../simulations/engine/program';
import { RpcClient } from '../../../simulations/engine/rpc';
import type { SimThread } from '../../../simulations/engine/thread';
import { fakeScheduler, fakeTask, fakeTaskControl, recorder } from './fakes';

type RpcInstr = Extract<Instr, { op: 'rpc' }>;
const rpc = (over: Partial<RpcInstr>): RpcInstr => ({
	op: 'rpc',
	ms: 10,
	handoff: 'threadsafe',
	client: 'perRequest',
	src: { path: 'h' },
	...over
});

/** Threads that run at once: a resumed thread runs its program until it waits again. */
function instantThreads(lanes: string[]) {
	const trace = (th: SimThread) => lanes.push(`${th.name} ${th.state}: ${th.doing}`);
	return {
		created: trace,
		resume(th: SimThread, doing?: string) {
			th.state = 'running';
			th.doing = doing ?? null;
			trace(th);
			for (let a = th.next(); a.kind === 'py'; a = th.next());
			th.state = 'blocked';
			th.doing = 'after';
			trace(th);
		}
	};
}

function build(debug = false) {
	const clock = new VirtualClock();
	const log: string[] = [];
	const warnings: string[] = [];
	const lanes: string[] = [];
	const handoffs: string[] = [];
	const client = new RpcClient(
		clock,
		recorder().emit,
		fakeScheduler(log),
		fakeTaskControl(log),
		instantThreads(lanes),
		(h) => handoffs.push(`${h.kind} ${h.from}→${h.to} woke=${h.woke}`),
		{ enabled: debug, warn: (task, message) => warnings.push(`${task}: ${message}`) }
	);
	return { clock, log, warnings, lanes, handoffs, client };
}

describe('RpcClient', () => {
	it('answers requests in order, ms each, and hands each response over as the step says', () => {
		const { clock, log, client } = build();
		const [a, b] = [fakeTask('a'), fakeTask('b')];
		client.send(a, rpc({ handoff: 'selector' }));
		client.send(b, rpc({ handoff: 'threadsafe' }));
		expect(client.inFlight).toBe(2);
		clock.step();
		expect([clock.now(), log]).toEqual([10, ['io read response #1']]);
		clock.step();
		expect([clock.now(), log.at(-1)]).toEqual([20, 'threadsafe set_result #2']);
		expect(client.describe(a)).toBe('response #1');
	});

	it('a reader thread reads the pipe and hands each response over with call_soon_threadsafe', () => {
		const { clock, lanes, handoffs, client } = build();
		client.send(fakeTask('a'), rpc({ handoff: 'threadsafe' }));
		expect(lanes).toEqual(['reader blocked: os.read() on the pipe']);
		clock.step();
		expect(lanes.slice(1, 2)).toEqual([
			'reader running: call_soon_threadsafe(fut.set_result, response #1)'
		]);
		expect(handoffs).toEqual(['threadsafe reader→loop woke=true']);
	});

	it('a single slot loses the earlier future when a later request overwrites it', () => {
		const { client } = build();
		const [a, b] = [fakeTask('a'), fakeTask('b')];
		client.send(a, rpc({ client: 'singleSlot' }));
		client.send(b, rpc({ client: 'singleSlot' }));
		expect(client.describe(a)).toMatch(/a later request overwrote its future/);
		expect(client.describe(b)).toBe('the response in the single slot');
	});

	it('unsafe hand-off marks the task ready without waking the loop; debug mode kills the reader', () => {
		const plain = build();
		plain.client.send(fakeTask('a'), rpc({ handoff: 'unsafe' }));
		plain.clock.step();
		expect(plain.log).toEqual([
			'ready a: queued from the reader thread; nothing woke the loop',
			'unsafe a step'
		]);
		const debug = build(true);
		debug.client.send(fakeTask('a'), rpc({ handoff: 'unsafe' }));
		debug.clock.step();
		expect(plain.handoffs).toEqual(['unsafe reader→loop woke=false']);
		expect(debug.warnings).toHaveLength(1);
		expect(debug.log).toEqual([
			'suspend a: response #1: future done, but its wake-up was never scheduled'
		]);
	});
});
