import { assign, not, setup } from 'xstate';

/** Where a player is: which step of how many, and how fast it plays. */
export interface PlayerContext {
	/** 0-based. */
	step: number;
	count: number;
	speed: number;
	/** Time between steps at 1× speed (ms). */
	periodMs: number;
}

export type PlayerEvent =
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'goTo'; step: number }
	| { type: 'restart' }
	| { type: 'toggle' }
	| { type: 'speed'; speed: number }
	/** The number of steps changed (a playground run was edited); the step stays within it. */
	| { type: 'count'; count: number };

export type PlayerInput = Pick<PlayerContext, 'count' | 'periodMs'> & Partial<PlayerContext>;

const ADVANCE = [
	{
		type: 'goTo',
		params: ({ context }: { context: PlayerContext }) => ({ step: context.step + 1 })
	},
	'stepped'
] as const;

const within = (c: Pick<PlayerContext, 'count'>, step: number) =>
	Math.max(0, Math.min(c.count - 1, step));

/**
 * Steps through a lesson's narrated steps or a playground run's events. `paused`; `playing`,
 * where the `tick` timer steps forward every period (divided by the speed); `ended`, where
 * playback reached the last step (Play there starts again from the first). Moving by hand keeps
 * playing on; `stepped` runs after every change of step, however it came. The delay and the
 * action are named so a session or a test can `.provide()` its own.
 */
export const playerMachine = setup({
	types: {} as { context: PlayerContext; events: PlayerEvent; input: PlayerInput },
	actions: {
		goTo: assign(({ context }, p: { step: number }) => ({ step: within(context, p.step) })),
		setSpeed: assign((_, p: { speed: number }) => ({ speed: p.speed })),
		setCount: assign(({ context }, p: { count: number }) => ({
			count: p.count,
			step: within(p, context.step)
		})),
		/** The step changed: the session drops what belonged to the step before. */
		stepped: () => {}
	},
	guards: {
		atLast: ({ context }) => context.step >= context.count - 1
	},
	delays: {
		tick: ({ context }) => context.periodMs / context.speed
	}
}).createMachine({
	id: 'player',
	context: ({ input }) => ({
		speed: 1,
		...input,
		step: within(input, input.step ?? 0)
	}),
	initial: 'paused',
	on: {
		previous: {
			actions: [{ type: 'goTo', params: ({ context }) => ({ step: context.step - 1 }) }, 'stepped']
		},
		goTo: { actions: [{ type: 'goTo', params: ({ event }) => ({ step: event.step }) }, 'stepped'] },
		restart: { actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] },
		speed: { actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) } },
		count: { actions: { type: 'setCount', params: ({ event }) => ({ count: event.count }) } }
	},
	states: {
		paused: {
			on: {
				next: { guard: not('atLast'), actions: ADVANCE },
				toggle: 'playing'
			}
		},
		playing: {
			after: {
				tick: [
					{ guard: 'atLast', target: 'ended' },
					{ target: 'playing', reenter: true, actions: ADVANCE }
				]
			},
			on: {
				next: [{ guard: 'atLast', target: 'ended' }, { actions: ADVANCE }],
				toggle: 'paused',
				// A new speed starts a new period.
				speed: {
					target: 'playing',
					reenter: true,
					actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) }
				}
			}
		},
		ended: {
			on: {
				toggle: { target: 'playing', actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] },
				previous: {
					target: 'paused',
					actions: [
						{ type: 'goTo', params: ({ context }) => ({ step: context.step - 1 }) },
						'stepped'
					]
				},
				goTo: {
					target: 'paused',
					actions: [{ type: 'goTo', params: ({ event }) => ({ step: event.step }) }, 'stepped']
				},
				restart: { target: 'paused', actions: [{ type: 'goTo', params: { step: 0 } }, 'stepped'] }
			}
		}
	}
});
