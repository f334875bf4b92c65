import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../simulations/clock';
import type { Action } from '../../../simulations/engine/action';
import { Cpu } from '../../../simulations/engine/cpu';
import { newThread } from '../../../simulations/engine/thread';
import { recorder } from './fakes';

/** A thread that runs the given Python segments, then blocks for good. */
function worker(name: string, segments: number[]) {
	const left = [...segments];
	return newThread(name, 'pool', (): Action => {
		const ms = left.shift();
		return ms === undefined
			? { kind: 'wait', doing: 'done' }
			: { kind: 'py', ms, doing: `${name} py` };
	});
}

function build(gil: boolean) {
	const clock = new VirtualClock();
	const trace = recorder();
	const cpu = new Cpu(
		clock,
		trace.emit,
		{ gil, cores: 2, switchIntervalMs: 5, traced: true },
		() => {}
	);
	return { clock, cpu, trace };
}

const holders = (bodies: ReturnType<typeof recorder>['bodies']) =>
	bodies.flatMap((b) => (b.type === 'gil' ? [b.detail.holder ?? '-'] : []));

describe('Cpu', () => {
	it('with the GIL, a waiter forces a switch after the switch interval, then they take turns', () => {
		const { clock, cpu, trace } = build(true);
		const [a, b] = [worker('a', [12]), worker('b', [12])];
		cpu.start(a);
		clock.step();
		cpu.start(b);
		expect(cpu.holder()).toBe(a);
		expect(cpu.waiting()).toEqual([b]);
		while (clock.step());
		// 12 ms each at 5 ms turns: a 0-5, b 5-10, a 10-15, b 15-20, a 20-22, b 22-24.
		expect(holders(trace.bodies)).toEqual(['a', 'a', 'b', 'a', 'b', 'a', 'b', '-']);
		expect(clock.now()).toBe(24);
	});

	it('a thread that blocks hands the GIL to the first waiter at once', () => {
		const { clock, cpu } = build(true);
		const a = newThread('a', 'pool', () => ({ kind: 'block', ms: 100, doing: 'sleep' }));
		const b = worker('b', [1]);
		cpu.start(a);
		cpu.start(b);
		clock.step();
		expect(a.state).toBe('blocked');
		expect(cpu.holder()).toBe(b);
	});

	it('free-threaded, two threads on two cores run side by side and no GIL is traced', () => {
		const { clock, cpu, trace } = build(false);
		cpu.start(worker('a', [10]));
		cpu.start(worker('b', [10]));
		while (clock.step());
		expect(clock.now()).toBe(10);
		expect(holders(trace.bodies)).toEqual([]);
	});
});
