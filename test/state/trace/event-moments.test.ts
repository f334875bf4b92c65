import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulations/index';
import { eventMoments, loopAround } from '../../../src/state/trace/event-moments';
import { nextMoment } from '../../../src/state/trace/jumps';
import { loadScenario } from '../../scenario-files';

// The sample: five requests 2 ms apart, each blocking the loop 200 ms with time.sleep.
const result = simulate(loadScenario('src/sample-scenario.json'), { trace: true });
const { groups, loop } = eventMoments(result);
const group = (kind: string) => groups.find((g) => g.kind === kind)?.moments ?? [];

describe('eventMoments(result)', () => {
	it('lists each arrival and answer at the step of its event', () => {
		expect(group('arrival').map((m) => m.what)).toEqual([
			'r1 arrives',
			'r2 arrives',
			'r3 arrives',
			'r4 arrives',
			'r5 arrives'
		]);
		expect(group('completion')[0]).toMatchObject({
			atMs: 200,
			what: 'r1 is answered, after 200 ms'
		});
		for (const m of [...group('arrival'), ...group('completion')])
			expect(result.trace?.[(m.step ?? 0) - 1].t).toBe(m.atMs);
	});

	it('finds each stretch the loop is blocked, who blocks it and for how long', () => {
		expect(group('blocked stretch').map((m) => [m.atMs, m.what])).toEqual([
			[0, 'the loop is blocked by r1 (blocking call (200 ms)) for 200 ms'],
			[200, 'the loop is blocked by r2 (blocking call (200 ms)) for 200 ms'],
			[400, 'the loop is blocked by r3 (blocking call (200 ms)) for 200 ms'],
			[600, 'the loop is blocked by r4 (blocking call (200 ms)) for 200 ms'],
			[800, 'the loop is blocked by r5 (blocking call (200 ms)) for 200 ms']
		]);
		expect(group('warning')).toEqual([]);
	});

	it('loop changes alternate, and loopAround finds the one in force at a step', () => {
		for (let i = 1; i < loop.length; i++)
			expect(loop[i]).not.toMatchObject({ state: loop[i - 1].state, doing: loop[i - 1].doing });
		const blocked = group('blocked stretch')[0].step ?? 0;
		expect(loopAround(loop, blocked).now?.state).toBe('blocked');
		expect(loopAround(loop, blocked).next?.t).toBe(200);
		expect(loopAround(loop, 0).now).toBeNull();
	});

	it('nextMoment by step moves from event to event, even several at one time', () => {
		const arrivals = group('arrival');
		expect(nextMoment(arrivals, 0, 1, 'step')?.what).toBe('r1 arrives');
		expect(nextMoment(arrivals, arrivals[0].step ?? 0, 1, 'step')?.what).toBe('r2 arrives');
		expect(nextMoment(arrivals, arrivals[0].step ?? 0, -1, 'step')).toBeNull();
	});
});
