import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../simulations/clock';
import { instant } from '../../../simulations/engine/callback';
import { EventLoop } from '../../../simulations/engine/loop';
import { recorder } from './fakes';

function build() {
	const clock = new VirtualClock();
	const trace = recorder();
	const host = { resumed: 0, asleep: 0 };
	const loop = new EventLoop(clock, trace.emit, {
		resumeLoopThread: () => host.resumed++,
		asleep: () => host.asleep++,
		callbackReturned: () => {}
	});
	return { clock, trace, host, loop };
}

describe('EventLoop', () => {
	it('next() selects with timeout 0 when callbacks are ready, else until the next timer', () => {
		const { loop } = build();
		loop.callLater(
			30,
			instant('t', 't', false, () => {})
		);
		expect(loop.next()).toEqual({ kind: 'select', timeoutMs: 30, atOnce: false });
		expect(loop.phase).toBe('selecting');
	});

	it('one iteration runs the I/O callbacks, then due timers appended after them, then selects', () => {
		const { clock, loop, host, trace } = build();
		const ran: string[] = [];
		const late = instant('late', 'late', false, () => ran.push('late'));
		loop.callLater(
			0,
			instant('timer', 'timer', false, () => ran.push('timer'))
		);
		expect(loop.next()).toEqual({ kind: 'select', timeoutMs: 0, atOnce: true });
		loop.selected(0);
		expect(loop.phase).toBe('collecting');
		// epoll reports the fds ready when it returns, this same instant included.
		loop.ioReady(
			instant('io', 'io', false, () => {
				ran.push('io');
				loop.callSoon(late);
			})
		);
		clock.step();
		expect(host.resumed).toBe(1);
		// The callback queued while the batch runs waits for the next iteration.
		expect(loop.next()).toEqual({ kind: 'select', timeoutMs: 0, atOnce: true });
		expect(ran).toEqual(['io', 'timer']);
		expect(loop.ready.toArray()).toEqual([late]);
		expect(trace.bodies.filter((b) => b.type === 'batch')).toEqual([
			{ type: 'batch', detail: { n: 2 } }
		]);
	});

	it('selected() with nothing ready and no timer falls asleep; I/O then wakes it', () => {
		const { loop, host } = build();
		expect(loop.next()).toEqual({ kind: 'select', timeoutMs: null, atOnce: false });
		loop.selected(null);
		expect(host.asleep).toBe(1);
		loop.ioReady(instant('read', 'r', false, () => {}));
		expect(loop.phase).toBe('collecting');
	});

	it('call_soon_threadsafe writes to the self-pipe once until it is read', () => {
		const { loop } = build();
		loop.callSoonThreadsafe(instant('a', 'a', false, () => {}));
		loop.callSoonThreadsafe(instant('b', 'b', false, () => {}));
		expect(loop.foregroundIo()).toBe(0);
		expect(loop.ready.toArray().map((c) => c.label)).toEqual(['a', 'b']);
	});
});
