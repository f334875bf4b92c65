import { describe, expect, it } from 'vitest';
import { stepLoop, stepMutex, stepThread } from '../../../simulations/machines';
import { VirtualClock } from '../../../simulations/clock';
import { MinHeap } from '../../../simulations/heap';

describe('machine steppers', () => {
	const cases: [string, () => string, string][] = [
		['thread idle + WANT_GIL', () => stepThread('idle', 'WANT_GIL'), 'wantsGil'],
		['thread running + PREEMPT', () => stepThread('running', 'PREEMPT'), 'wantsGil'],
		['thread running + SELECT', () => stepThread('running', 'SELECT'), 'selecting'],
		['mutex free + ACQUIRE', () => stepMutex('free', 'ACQUIRE'), 'held'],
		['mutex held + HANDOVER', () => stepMutex('held', 'HANDOVER'), 'held'],
		['loop selecting + WOKEN', () => stepLoop('selecting', 'WOKEN'), 'collecting'],
		['loop collecting + BATCH', () => stepLoop('collecting', 'BATCH'), 'running']
	];
	for (const [name, step, expected] of cases) {
		it(`${name} → ${expected}`, () => expect(step()).toBe(expected));
	}

	it('throws on an event the state does not accept (an engine bug, never silent)', () => {
		expect(() => stepThread('idle', 'RUN')).toThrow(/RUN is not accepted in state idle/);
		expect(() => stepMutex('free', 'RELEASE')).toThrow();
	});
});

describe('VirtualClock', () => {
	it('runs timeouts in time order, FIFO for equal times, and skips cleared ones', () => {
		const clock = new VirtualClock();
		const log: string[] = [];
		clock.setTimeout(() => log.push(`b@${clock.now()}`), 10);
		clock.setTimeout(() => log.push(`a@${clock.now()}`), 5);
		const id = clock.setTimeout(() => log.push('never'), 7);
		clock.setTimeout(() => log.push(`c@${clock.now()}`), 10);
		clock.clearTimeout(id);
		while (clock.step());
		expect(log).toEqual(['a@5', 'b@10', 'c@10']);
	});

	it('never schedules into the past', () => {
		const clock = new VirtualClock();
		clock.advanceTo(50);
		clock.at(10, () => {});
		expect(clock.next()).toBe(50);
	});
});

describe('MinHeap', () => {
	it('pops by (at, seq) and sorted() does not disturb it', () => {
		const heap = new MinHeap<{ at: number; seq: number }>();
		[5, 1, 4, 1, 3].forEach((at, seq) => heap.push({ at, seq }));
		expect(heap.sorted().map((e) => `${e.at}.${e.seq}`)).toEqual([
			'1.1',
			'1.3',
			'3.4',
			'4.2',
			'5.0'
		]);
		expect([1, 2, 3, 4, 5].map(() => heap.pop()?.seq)).toEqual([1, 3, 4, 2, 0]);
		expect(heap.pop()).toBeUndefined();
	});
});
