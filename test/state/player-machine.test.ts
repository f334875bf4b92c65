import { createActor, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { PlayPlan } from '../../src/state/play-plan';
import {
	afterFrame,
	framesFrom,
	MAX_FRAME_MS,
	playerMachine,
	type PlayerContext,
	type PlayerEvent
} from '../../src/state/player-machine';
import { timeMove } from '../../src/state/time-move';
import { fakeFrames } from './fake-frames';

// Four steps: a 1000 ms pause at each; step 1 moves on to step 2 through 100 ms of virtual time.
const move = timeMove([], 0, 100);
const plan: PlayPlan = { dwellMs: () => 1000, move: (s) => (s === 1 ? move : null) };
const input = { count: 4, plan };

/** Steps the machine with pure transitions; returns each state's value and step. */
function walk(events: PlayerEvent[], start = input) {
	let [snapshot] = initialTransition(playerMachine, start);
	return events.map((e) => {
		[snapshot] = transition(playerMachine, snapshot, e);
		return `${String(snapshot.value)}@${snapshot.context.step}`;
	});
}

function playing(speed = 1) {
	const frames = fakeFrames(10);
	const stepped: number[] = [];
	const actor = createActor(
		playerMachine.provide({
			actions: { stepped: ({ context }) => void stepped.push(context.step) },
			actors: { frames: framesFrom(frames.source) }
		}),
		{ input: { ...input, speed } }
	).start();
	const c = () => actor.getSnapshot().context;
	return {
		actor,
		frames,
		stepped,
		at: () => `${String(actor.getSnapshot().value)}@${c().step}`,
		moved: () => c().moved
	};
}

const context = (o: Partial<PlayerContext>): PlayerContext => ({
	step: 0,
	count: 4,
	speed: 1,
	plan,
	dwelt: 0,
	moved: null,
	holds: () => false,
	...o
});

describe('afterFrame(context, dt)', () => {
	it.each([
		['pauses on at the step', context({ dwelt: 500 }), 100, { dwelt: 600, moved: null }],
		['cuts to the next step after the pause', context({ dwelt: 950 }), 100, 'arrive'],
		[
			'starts the move after the pause',
			context({ step: 1, dwelt: 990 }),
			10,
			{ dwelt: 1000, moved: 0 }
		],
		['moves on', context({ step: 1, dwelt: 1000, moved: 20 }), 16, { dwelt: 1000, moved: 36 }],
		['arrives at the end of the move', context({ step: 1, moved: move.wallMs - 1 }), 1, 'arrive'],
		['ends after the last step’s pause', context({ step: 3, dwelt: 999 }), 1, 'end'],
		['runs at the speed', context({ speed: 4 }), 10, { dwelt: 40, moved: null }],
		[
			'counts a stalled frame as MAX_FRAME_MS',
			context({}),
			5000,
			{ dwelt: MAX_FRAME_MS, moved: null }
		]
	] as const)('%s', (_, c, dt, expected) => {
		expect(afterFrame(c, dt)).toEqual(expected);
	});
});

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
		expect(
			walk([{ type: 'play' }, { type: 'play' }, { type: 'pause' }, { type: 'pause' }])
		).toEqual(['playing@0', 'playing@0', 'paused@0', 'paused@0']);
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
		expect(initialTransition(playerMachine, { count: 3, plan, step: 7 })[0].context.step).toBe(2);
	});

	it('hears frames only while playing', () => {
		expect(
			walk([
				{ type: 'frame', dt: 100 },
				{ type: 'frame', dt: 100 }
			]).at(-1)
		).toBe('paused@0');
	});
});

describe('playerMachine as an actor on fake animation frames', () => {
	it('pauses at each step, moves through time where the plan says, then ends', () => {
		const p = playing();
		p.actor.send({ type: 'toggle' });
		p.frames.advance(990);
		expect(p.at()).toBe('playing@0');
		p.frames.advance(10);
		expect([p.at(), p.moved()]).toEqual(['playing@1', null]);
		p.frames.advance(1000);
		expect([p.at(), p.moved()]).toEqual(['playing@1', 0]);
		p.frames.advance(move.wallMs - 10);
		expect([p.at(), p.moved()]).toEqual(['playing@1', move.wallMs - 10]);
		p.frames.advance(10);
		expect([p.at(), p.moved()]).toEqual(['playing@2', null]);
		p.frames.advance(1000);
		expect(p.at()).toBe('playing@3');
		p.frames.advance(1000);
		expect([p.at(), p.frames.listening]).toEqual(['ended@3', false]);
		p.frames.advance(5000);
		expect([p.at(), p.stepped]).toEqual(['ended@3', [1, 2, 3]]);
	});

	it('plays the pauses and the moves twice as fast at speed 2, whenever the speed changes', () => {
		const p = playing(2);
		p.actor.send({ type: 'toggle' });
		p.frames.advance(500);
		p.frames.advance(500);
		expect([p.at(), p.moved()]).toEqual(['playing@1', 0]);
		p.frames.advance(move.wallMs / 2);
		expect(p.at()).toBe('playing@2');
		p.frames.advance(250);
		p.actor.send({ type: 'speed', speed: 0.5 });
		p.frames.advance(990);
		expect(p.at()).toBe('playing@2');
		p.frames.advance(10);
		expect(p.at()).toBe('playing@3');
	});

	it('keeps its place in a move while paused; rewind goes back to the step, Next on to the next', () => {
		const p = playing();
		p.actor.send({ type: 'goTo', step: 1 });
		p.actor.send({ type: 'toggle' });
		p.frames.advance(1100);
		p.actor.send({ type: 'toggle' });
		p.frames.advance(10_000);
		expect([p.at(), p.moved(), p.frames.listening]).toEqual(['paused@1', 100, false]);
		p.actor.send({ type: 'toggle' });
		p.frames.advance(50);
		expect([p.at(), p.moved()]).toEqual(['playing@1', 150]);
		p.actor.send({ type: 'rewind' });
		expect([p.at(), p.moved()]).toEqual(['playing@1', null]);
		p.frames.advance(1050);
		p.actor.send({ type: 'next' });
		expect([p.at(), p.moved()]).toEqual(['playing@2', null]);
		p.actor.send({ type: 'restart' });
		expect(p.stepped).toEqual([1, 2, 0]);
	});
});

describe('a held step (a prediction waiting at step 1)', () => {
	const held = { ...input, holds: (s: number) => s === 1 };

	it('stops Next, Play and jumps past it, and lets Previous go back', () => {
		expect(
			walk(
				[
					{ type: 'next' },
					{ type: 'next' },
					{ type: 'goTo', step: 3 },
					{ type: 'play' },
					{ type: 'toggle' },
					{ type: 'previous' },
					{ type: 'goTo', step: 3 }
				],
				held
			)
		).toEqual(['paused@1', 'paused@1', 'paused@1', 'paused@1', 'paused@1', 'paused@0', 'paused@1']);
	});

	it('lets a jump the page chose (an embedding host) land past it', () => {
		expect(
			walk(
				[{ type: 'goTo', step: 2, pastHolds: true }, { type: 'next' }, { type: 'goTo', step: 0 }],
				held
			)
		).toEqual(['paused@2', 'paused@3', 'paused@0']);
	});

	it('pauses play that arrives at it, and plays on once the gate opens', () => {
		let open = false;
		const frames = fakeFrames(10);
		const actor = createActor(
			playerMachine.provide({ actors: { frames: framesFrom(frames.source) } }),
			{
				input: { ...input, holds: (s: number) => s === 1 && !open }
			}
		).start();
		actor.send({ type: 'play' });
		frames.advance(3000);
		expect([String(actor.getSnapshot().value), actor.getSnapshot().context.step]).toEqual([
			'paused',
			1
		]);
		open = true;
		actor.send({ type: 'play' });
		frames.advance(3000);
		expect(actor.getSnapshot().context.step).toBeGreaterThan(1);
	});
});
