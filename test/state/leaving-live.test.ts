import { describe, expect, it } from 'vitest';
import { leavingLive } from '../../src/state/leaving-live';
import type { Stepper } from '../../src/state/player.svelte';

function fake() {
	const calls: string[] = [];
	const s: Stepper = {
		step: 0,
		count: 5,
		playing: false,
		speed: 1,
		current: { t: 0 },
		time: 0,
		pace: null,
		waiting: false,
		goTo: (n) => calls.push(`goTo ${n}`),
		next: () => calls.push('next'),
		previous: () => calls.push('previous'),
		restart: () => calls.push('restart'),
		toggle: () => calls.push('toggle'),
		setSpeed: (x) => calls.push(`speed ${x}`)
	};
	return { s, calls, leave: () => calls.push('leave') };
}

describe('leavingLive(stepper, leave)', () => {
	it.each([
		['restart', (x: Stepper) => x.restart(), ['leave', 'restart']],
		['next', (x: Stepper) => x.next(), ['leave', 'next']],
		['previous', (x: Stepper) => x.previous(), ['leave', 'previous']],
		['goTo', (x: Stepper) => x.goTo(3), ['leave', 'goTo 3']],
		['toggle (Space, Play)', (x: Stepper) => x.toggle(), ['leave', 'toggle']],
		['setSpeed stays live', (x: Stepper) => x.setSpeed(2), ['speed 2']]
	])('%s', (_, move, calls) => {
		const f = fake();
		move(leavingLive(f.s, f.leave));
		expect(f.calls).toEqual(calls);
	});

	it('reads the stepper through', () => {
		const f = fake();
		const l = leavingLive(f.s, f.leave);
		expect([l.step, l.count, l.playing, l.speed, l.current, l.waiting]).toEqual([
			0,
			5,
			false,
			1,
			{ t: 0 },
			false
		]);
	});
});
