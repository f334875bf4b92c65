import { createActor, initialTransition, SimulatedClock, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { playerMachine, type PlayerEvent } from '../../src/state/player-machine';

const input = { count: 4, periodMs: 1000 };

/** Steps the machine with pure transitions; returns each state's value and step. */
function walk(events: PlayerEvent[], start = input) {
	let [snapshot] = initialTransition(playerMachine, start);
	return events.map((e) => {
		[snapshot] = transition(playerMachine, snapshot, e);
		return `${String(snapshot.value)}@${snapshot.context.step}`;
	});
}

function playing(speed = 1) {
	const clock = new SimulatedClock();
	const stepped: number[] = [];
	const actor = createActor(
		playerMachine.provide({
			actions: { stepped: ({ context }) => void stepped.push(context.step) }
		}),
		{ input: { ...input, speed }, clock }
	).start();
	return {
		actor,
		clock,
		stepped,
		at: () => `${String(actor.getSnapshot().value)}@${actor.getSnapshot().context.step}`
	};
}

describe('playerMachine (pure transitions)', () => {
	it('steps forward and back within its steps, and stays paused', () => {
		expect(
			walk([
				{ type: 'next' },
				{ type: 'next' },
				{ type: 'previous' },
				{ type: 'goTo', step: 99 },
				{ type: 'next' },
				{ type: 'goTo', step: -3 }
			])
		).toEqual(['paused@1', 'paused@2', 'paused@1', 'paused@3', 'paused@3', 'paused@0']);
	});

	it('toggles between playing and paused; Next at the last step while playing ends playback', () => {
		expect(
			walk([{ type: 'toggle' }, { type: 'goTo', step: 3 }, { type: 'next' }, { type: 'toggle' }])
		).toEqual(['playing@0', 'playing@3', 'ended@3', 'playing@0']);
	});

	it('leaves the end when moved by hand, and Restart goes back to the first step', () => {
		const to = (e: PlayerEvent) =>
			walk([{ type: 'toggle' }, { type: 'goTo', step: 3 }, { type: 'next' }, e]).at(-1);
		expect(to({ type: 'previous' })).toBe('paused@2');
		expect(to({ type: 'restart' })).toBe('paused@0');
		expect(to({ type: 'goTo', step: 1 })).toBe('paused@1');
	});

	it('keeps the step within a new count', () => {
		expect(
			walk([
				{ type: 'goTo', step: 3 },
				{ type: 'count', count: 2 },
				{ type: 'count', count: 9 }
			])
		).toEqual(['paused@3', 'paused@1', 'paused@1']);
		expect(
			initialTransition(playerMachine, { count: 3, periodMs: 1, step: 7 })[0].context.step
		).toBe(2);
	});
});

describe('playerMachine as an actor on a SimulatedClock', () => {
	it('steps once per period while playing, then ends at the last step', () => {
		const p = playing();
		p.actor.send({ type: 'toggle' });
		p.clock.increment(999);
		expect(p.at()).toBe('playing@0');
		p.clock.increment(1);
		expect(p.at()).toBe('playing@1');
		p.clock.increment(1000);
		p.clock.increment(1000);
		expect(p.at()).toBe('playing@3');
		p.clock.increment(1000);
		expect(p.at()).toBe('ended@3');
		p.clock.increment(5000);
		expect([p.at(), p.stepped]).toEqual(['ended@3', [1, 2, 3]]);
	});

	it('divides the period by the speed, and a new speed starts a new period', () => {
		const p = playing(4);
		p.actor.send({ type: 'toggle' });
		p.clock.increment(250);
		expect(p.at()).toBe('playing@1');
		p.clock.increment(100);
		p.actor.send({ type: 'speed', speed: 0.5 });
		p.clock.increment(1999);
		expect(p.at()).toBe('playing@1');
		p.clock.increment(1);
		expect(p.at()).toBe('playing@2');
	});

	it('stops stepping when paused, and runs `stepped` on every change of step', () => {
		const p = playing();
		p.actor.send({ type: 'toggle' });
		p.clock.increment(1000);
		p.actor.send({ type: 'toggle' });
		p.clock.increment(10_000);
		p.actor.send({ type: 'goTo', step: 3 });
		p.actor.send({ type: 'restart' });
		expect([p.at(), p.stepped]).toEqual(['paused@0', [1, 3, 0]]);
	});
});
