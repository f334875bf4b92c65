import { and, assign, fromCallback, not, setup, type EventObject } from 'xstate';
import { animationFrames, type FrameSource } from './frame-source';
import type { PlayPlan } from './play-plan';

/** Where a player is: which step of how many, how fast it plays, and how far play has got. */
export interface PlayerContext {
	/** 0-based. */
	step: number;
	count: number;
	speed: number;
	plan: PlayPlan;
	/** Wall ms (at 1×) play has paused at the step so far. */
	dwelt: number;
	/** Wall ms (at 1×) into the move to the next step; null while at the step itself. */
	moved: number | null;
	/**
	 * True while a step may not be left forward (a prediction waits for an answer there): next,
	 * play and a jump past it stop at it. Read at each event, so the gate can open at any time.
	 */
	holds: (step: number) => boolean;
}

export type PlayerEvent =
	| { type: 'next' }
	| { type: 'previous' }
	/** `pastHolds`: a jump the page chose (an embedding host), not the learner: it lands where asked, as `?step=` does. */
	| { type: 'goTo'; step: number; pastHolds?: boolean }
	| { type: 'restart' }
	| { type: 'toggle' }
	| { type: 'play' }
	| { type: 'pause' }
	| { type: 'speed'; speed: number }
	/** Back to the step's own moment: leaves a move under way (the step stays). */
	| { type: 'rewind' }
	/** The number of steps changed (a playground run was edited); the step stays within it. */
	| { type: 'count'; count: number }
	/** An animation frame `dt` wall ms after the one before (only heard while playing). */
	| { type: 'frame'; dt: number };

export type PlayerInput = Pick<PlayerContext, 'count' | 'plan'> &
	Partial<Pick<PlayerContext, 'step' | 'speed' | 'holds'>>;

/** A frame later than this (a hidden tab, a stall) counts as this long: play never skips a step. */
export const MAX_FRAME_MS = 100;

/**
 * What one animation frame of `dt` wall ms does while playing: pause on at the step, start or
 * continue the move to the next one, `arrive` there, or `end` after the last step's pause.
 */
export function afterFrame(
	c: PlayerContext,
	dt: number
): Pick<PlayerContext, 'dwelt' | 'moved'> | 'arrive' | 'end' {
	const wall = Math.min(Math.max(0, dt), MAX_FRAME_MS) * c.speed;
	if (c.moved !== null) {
		const moved = c.moved + wall;
		return moved < (c.plan.move(c.step)?.wallMs ?? 0) ? { dwelt: c.dwelt, moved } : 'arrive';
	}
	const dwelt = c.dwelt + wall;
	if (dwelt < c.plan.dwellMs(c.step)) return { dwelt, moved: null };
	if (c.step >= c.count - 1) return 'end';
	return (c.plan.move(c.step)?.wallMs ?? 0) > 0 ? { dwelt, moved: 0 } : 'arrive';
}

const within = (c: Pick<PlayerContext, 'count'>, step: number) =>
	Math.max(0, Math.min(c.count - 1, step));

/** Where a jump from the current step to `step` lands: at the first held step on the way forward. */
export function reach(c: Pick<PlayerContext, 'count' | 'step' | 'holds'>, step: number): number {
	const to = within(c, step);
	for (let s = c.step; s < to; s++) if (c.holds(s)) return s;
	return to;
}

const ADVANCE = [
	{
		type: 'goTo',
		params: ({ context }: { context: PlayerContext }) => ({ step: context.step + 1 })
	},
	'stepped'
] as const;

/** The `frames` actor of a frame source: it sends the player a `frame` event per animation frame. */
export function framesFrom(source: FrameSource) {
	return fromCallback<EventObject>(({ sendBack }) =>
		source((dt) => sendBack({ type: 'frame', dt }))
	);
}

type FrameArgs = { context: PlayerContext; event: PlayerEvent };
const frameResult = ({ context, event }: FrameArgs) =>
	event.type === 'frame' ? afterFrame(context, event.dt) : null;

/**
 * Plays a lesson's narrated steps or a playground run's events. `paused`; `playing`, where each
 * animation frame (the `frames` actor) moves play on: it pauses at the step for the plan's dwell,
 * then moves continuously through virtual time to the next step (or cuts to it), both scaled by
 * the speed; `ended`, after the last step's pause (Play there starts again from the first).
 * Moving by hand keeps playing on; `stepped` runs after every change of step, however it came.
 * A held step (`holds`) stops it all: play pauses there, and Play, Next and jumps stay at it.
 * The frame source and the action are named so a session or a test can `.provide()` its own.
 */
export const playerMachine = setup({
	types: {} as { context: PlayerContext; events: PlayerEvent; input: PlayerInput },
	actors: {
		frames: framesFrom(animationFrames)
	},
	actions: {
		goTo: assign(({ context }, p: { step: number; pastHolds?: boolean }) => ({
			step: p.pastHolds ? within(context, p.step) : reach(context, p.step),
			dwelt: 0,
			moved: null
		})),
		setSpeed: assign((_, p: { speed: number }) => ({ speed: p.speed })),
		rewind: assign({ dwelt: 0, moved: null }),
		setCount: assign(({ context }, p: { count: number }) => {
			const step = within(p, context.step);
			return step === context.step ? { count: p.count } : { count: p.count, step, moved: null };
		}),
		tick: assign(({ context, event }) => {
			const r = frameResult({ context, event });
			return typeof r === 'object' && r !== null ? r : {};
		}),
		/** The step changed: the session drops what belonged to the step before. */
		stepped: () => {}
	},
	guards: {
		atLast: ({ context }) => context.step >= context.count - 1,
		held: ({ context }) => context.holds(context.step),
		arrives: (a: FrameArgs) => frameResult(a) === 'arrive',
		ends: (a: FrameArgs) => frameResult(a) === 'end'
	}
}).createMachine({
	id: 'player',
	context: ({ input }) => ({
		speed: 1,
		dwelt: 0,
		moved: null,
		holds: () => false,
		...input,
		step: within(input, input.step ?? 0)
	}),
	initial: 'paused',
	on: {
		previous: {
			actions: [{ type: 'goTo', params: ({ context }) => ({ step: context.step - 1 }) }, 'stepped']
		},
		goTo: {
			actions: [
				{ type: 'goTo', params: ({ event }) => ({ step: event.step, pastHolds: event.pastHolds }) },
				'stepped'
			]
		},
		restart: { actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] },
		speed: { actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) } },
		count: { actions: { type: 'setCount', params: ({ event }) => ({ count: event.count }) } },
		rewind: { actions: 'rewind' }
	},
	states: {
		paused: {
			on: {
				next: { guard: and([not('atLast'), not('held')]), actions: ADVANCE },
				toggle: { guard: not('held'), target: 'playing' },
				play: { guard: not('held'), target: 'playing' }
			}
		},
		playing: {
			invoke: { src: 'frames' },
			on: {
				frame: [
					{ guard: 'held', target: 'paused' },
					{ guard: 'arrives', actions: ADVANCE },
					{ guard: 'ends', target: 'ended' },
					{ actions: 'tick' }
				],
				next: [
					{ guard: 'held', target: 'paused' },
					{ guard: 'atLast', target: 'ended' },
					{ actions: ADVANCE }
				],
				toggle: 'paused',
				pause: 'paused'
			}
		},
		ended: {
			on: {
				toggle: { target: 'playing', actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] },
				play: { target: 'playing', actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] },
				previous: {
					target: 'paused',
					actions: [
						{ type: 'goTo', params: ({ context }) => ({ step: context.step - 1 }) },
						'stepped'
					]
				},
				goTo: {
					target: 'paused',
					actions: [
						{
							type: 'goTo',
							params: ({ event }) => ({ step: event.step, pastHolds: event.pastHolds })
						},
						'stepped'
					]
				},
				restart: { target: 'paused', actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] }
			}
		}
	}
});
