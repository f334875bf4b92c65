import { describe, expect, it } from 'vitest';
import {
	CANT_START,
	slowCallbackWarning,
	threadLockDeadlock
} from '../../../simulations/rules/messages';
import { scenario } from '../build';

const runtime = (debug: boolean) => scenario({}, [], { debug, slowCallbackMs: 100 }).runtime;

describe('slowCallbackWarning(runtime, label, owner, ms)', () => {
	it('warns in debug mode from slow_callback_duration on, as CPython words it', () => {
		expect(slowCallbackWarning(runtime(true), 'r1 step', 'r1', 200)).toEqual({
			kind: 'slowCallback',
			task: 'r1',
			ms: 200,
			message: 'Executing <r1 step> took 0.200 seconds'
		});
		expect(slowCallbackWarning(runtime(true), 'r1 step', 'r1', 100)?.ms).toBe(100);
		expect(slowCallbackWarning(runtime(true), 'r1 step', 'r1', 99.9)).toBeNull();
		expect(slowCallbackWarning(runtime(false), 'r1 step', 'r1', 500)).toBeNull();
	});
});

describe('messages', () => {
	it('CANT_START and threadLockDeadlock read as both engines write them', () => {
		expect(CANT_START).toBe("RuntimeError: can't start new thread");
		expect(threadLockDeadlock('L', 'a/2', 'a/1')).toMatch(
			/^deadlock: the loop thread is blocked in threading.Lock 'L'.acquire\(\) for a\/2 while a\/1 holds it/
		);
		expect(threadLockDeadlock('L', 'a', 'a')).toMatch(/^deadlock: a calls .* not reentrant/);
	});
});
