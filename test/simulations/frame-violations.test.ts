import { describe, expect, it } from 'vitest';
import { emptyFrame, frameViolations, type Frame } from '../../simulations/index';

function frame(change: (f: Frame) => void): Frame {
	const f = emptyFrame();
	change(f);
	return f;
}

describe('frameViolations', () => {
	it('finds nothing wrong with the empty frame', () => {
		expect(frameViolations(emptyFrame())).toEqual([]);
	});

	it('reports a loop asleep in select() while its lane runs Python', () => {
		const bad = frame((f) => {
			f.loop.phase = 'selecting';
			f.threads.loop = { state: 'running', doing: null, kind: 'loop' };
			f.gil.holder = 'loop';
		});
		expect(frameViolations(bad)).toEqual([
			"loop phase 'selecting' with the loop thread in 'callback'"
		]);
		bad.loopThread = { state: 'select', blockedOn: null };
		expect(frameViolations(bad)).toEqual(["loop thread is 'select' but its lane says 'running'"]);
	});

	it('reports a GIL holder in a GIL-released state and a GIL waiter not queued', () => {
		const bad = frame((f) => {
			f.threads['pool-1'] = { state: 'blocked', doing: 'time.sleep', kind: 'pool' };
			f.threads['pool-2'] = { state: 'wantsGil', doing: null, kind: 'pool' };
			f.gil.holder = 'pool-1';
		});
		expect(frameViolations(bad)).toEqual([
			"pool-1 holds the GIL but is 'blocked'",
			'pool-2 wants the GIL but is not among its waiters'
		]);
	});

	it('reports a ready claim over an empty queue, a batch larger than the queue, a finished run with work left', () => {
		const bad = frame((f) => {
			f.loop.phase = 'selecting';
			f.loopThread = { state: 'select', blockedOn: null };
			f.loop.timeoutMs = 0;
			f.loop.batch = 1;
			f.outcome = 'completed';
			f.requests.r1 = { state: 'arrived' };
			f.locks.l = { kind: 'thread', holder: 'r2', waiters: ['r2'] };
		});
		expect(frameViolations(bad)).toEqual([
			'batch of 1 but only 0 ready',
			"batch of 1 outside the running phase ('selecting')",
			'select(timeout=0) with nothing ready and no timer due',
			'lock l: holder r2 is among its waiters',
			'threading.Lock l has waiters while the loop thread is not blocked',
			'finished with r1 still pending'
		]);
	});
});
